#!/usr/bin/env bash
# `./nn train FILE --spark MASTER`: the nn command with nn-spark and Spark's jars on the class path
# (Spark is `provided`, so nn.jar lacks it) and the JVM options Spark needs on Java 17.
# Spark's jars come from $SPARK_HOME/jars when SPARK_HOME is set, else from nn-spark/target/spark-jars,
# which the nn-spark build fills. On a cluster, prefer spark-submit (docs/distributed.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/nn-cli/target/nn.jar"
spark_jar="$root/nn-spark/target/nn-spark-0.1.0-SNAPSHOT.jar"

stale() {
  [[ ! -f "$jar" || ! -f "$spark_jar" || ! -d "$root/nn-spark/target/spark-jars" ]] && return 0
  [[ -n "$(find "$root" -maxdepth 2 -name pom.xml -newer "$spark_jar" -print -quit)" ]] && return 0
  [[ -n "$(find "$root"/nn-*/src -type f -newer "$spark_jar" -print -quit 2>/dev/null)" ]] && return 0
  return 1
}
if stale; then
  echo "nn: building the command line tool with nn-spark (first use or sources changed)..." >&2
  (cd "$root" && mvn -q -B -DskipTests ${NN_MAVEN_ARGS:-} -pl nn-cli,nn-spark -am package) >&2
  # Maven leaves an unchanged jar's date alone (e.g. after a test-only edit): mark the build as done.
  touch "$jar" "$spark_jar"
fi

if [[ -n "${SPARK_HOME:-}" ]]; then
  spark_jars="$SPARK_HOME/jars/*"
else
  spark_jars="$root/nn-spark/target/spark-jars/*"
fi

# What Spark's own launcher passes on Java 17 (the same list as nn-spark/pom.xml's spark.jvm.options).
spark_opts=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# Spark's jars first: where nn.jar has an older copy of a library (commons-lang3 from ND4J), Spark needs its own.
# Spark's driver and (in local mode) its executors share this JVM: a 2 GB heap, not the plain launcher's 1 GB.
exec java "${spark_opts[@]}" ${NN_JAVA_OPTS:--Xmx2g} -cp "$spark_jars:$spark_jar:$jar" nn.cli.Main "$@"
