#!/usr/bin/env bash
# A standalone Spark cluster on the loopback: one master and NN_SPARK_WORKERS workers (default 2),
# each a JVM of its own, from the Spark jars the nn-spark build copies into nn-spark/target/cluster-jars
# (nothing is downloaded). Each worker offers 1 core and NN_SPARK_WORKER_MEMORY (default 1g) and
# starts its executors as JVMs of their own. docs/distributed.md, "A loopback cluster".
#
#   nn-spark/cluster.sh start     prints the master URL (spark://127.0.0.1:7077) once every worker registered
#   nn-spark/cluster.sh status    the cluster's processes and executors
#   nn-spark/cluster.sh stop      stops the workers (and their executors), then the master
#   nn-spark/cluster.sh submit ARGS...   Spark's spark-submit (org.apache.spark.deploy.SparkSubmit) from the
#                                 same jars, for machines without a Spark distribution; ARGS as spark-submit's
#
# NN_SPARK_MASTER_PORT (7077), NN_SPARK_UI_PORT (18080, the master's web page) and NN_SPARK_DIR
# (nn-spark/target/spark-cluster: logs, pid files, the workers' scratch directories) choose
# where it runs, so a second cluster (the integration test's) can run beside the first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jars="$root/nn-spark/target/cluster-jars"
port="${NN_SPARK_MASTER_PORT:-7077}"
ui_port="${NN_SPARK_UI_PORT:-18080}"
workers="${NN_SPARK_WORKERS:-2}"
memory="${NN_SPARK_WORKER_MEMORY:-1g}"
# Seconds each JVM may take to come up (a loaded 2-core machine needed over a minute).
timeout="${NN_SPARK_START_TIMEOUT:-180}"
dir="${NN_SPARK_DIR:-$root/nn-spark/target/spark-cluster}"
home="$dir/home"
master_url="spark://127.0.0.1:$port"

# What Spark needs from Java 17 (the same list as nn-spark/pom.xml's spark.jvm.options).
jvm_opts=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

fail() { echo "nn-spark/cluster.sh: $*" >&2; exit 1; }

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until the log holds the line, the process died or the time ran out.
await() { # pidfile log pattern seconds what
  local deadline=$((SECONDS + $4))
  until grep -q "$3" "$2" 2>/dev/null; do
    alive "$1" || fail "$5 died while starting; see $2"
    (( SECONDS < deadline )) || fail "$5 did not start in $4 s; see $2"
    sleep 0.2
  done
}

prepare_home() {
  # A worker launches executors through Spark's launcher with $SPARK_HOME/conf and $SPARK_HOME/jars/* as
  # their class path: a home of links to Spark's jars, and a Logback configuration.
  mkdir -p "$home/jars" "$home/conf"
  ln -sf "$jars"/*.jar "$home/jars/"
  find "$home/jars" -xtype l -delete # links to jars a newer build replaced
  cat >"$home/conf/logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <logger name="org.sparkproject.jetty" level="WARN"/>
  <logger name="org.nd4j" level="WARN"/>
  <root level="INFO"><appender-ref ref="out"/></root>
</configuration>
XML
}

start() {
  [[ -d "$jars" ]] || fail "no Spark jars in $jars: build nn-spark first (mvn -B -DskipTests -pl nn-cli,nn-spark -am package)"
  alive "$dir/master.pid" && fail "a cluster already runs from $dir (master pid $(cat "$dir/master.pid")); stop it first"
  mkdir -p "$dir"
  prepare_home
  local cp="$home/conf:$home/jars/*"
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOG_DIR="$dir"
  # Executors inherit the worker's environment: one OpenMP thread each, as the nn command uses.
  export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
  local started=$SECONDS
  # No retries on the next port: a taken port must fail here, not leave the workers registering with another master.
  java "${jvm_opts[@]}" -Xmx256m -Dspark.port.maxRetries=0 -cp "$cp" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$ui_port" >"$dir/master.log" 2>&1 &
  echo $! >"$dir/master.pid"
  await "$dir/master.pid" "$dir/master.log" "I have been elected leader\|ALIVE" "$timeout" "the master"
  for ((w = 1; w <= workers; w++)); do
    mkdir -p "$dir/worker-$w"
    java "${jvm_opts[@]}" -Xmx256m -cp "$cp" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores 1 --memory "$memory" --work-dir "$dir/worker-$w" --webui-port 0 \
      "$master_url" >"$dir/worker-$w.log" 2>&1 &
    echo $! >"$dir/worker-$w.pid"
  done
  for ((w = 1; w <= workers; w++)); do
    await "$dir/worker-$w.pid" "$dir/worker-$w.log" "Successfully registered with master" "$timeout" "worker $w"
  done
  echo "$master_url"
  echo "nn-spark/cluster.sh: master and $workers workers (1 core, $memory each) up in $((SECONDS - started)) s; logs in $dir" >&2
}

# kill the process and wait until it is gone (a worker stops its executors on SIGTERM).
stop_process() {
  local pidfile="$1"
  [[ -f "$pidfile" ]] || return 0
  local pid; pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop() {
  local w
  for w in "$dir"/worker-*.pid; do [[ -e "$w" ]] && stop_process "$w"; done
  # An executor whose worker was killed -9 outlives it: end the ones started from this cluster's directory.
  for pid in $(executors); do kill -9 "$pid" 2>/dev/null || true; done
  stop_process "$dir/master.pid"
}

# The pids of the executor JVMs this cluster's workers started (their working directory is under $dir).
executors() {
  local pid
  for pid in $(pgrep -f org.apache.spark.executor.CoarseGrainedExecutorBackend 2>/dev/null || true); do
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$dir"/* ]] && echo "$pid"
  done
  return 0
}

status() {
  local f
  for f in "$dir"/master.pid "$dir"/worker-*.pid; do
    [[ -e "$f" ]] || continue
    if alive "$f"; then echo "$(basename "$f" .pid): pid $(cat "$f")"; else echo "$(basename "$f" .pid): not running"; fi
  done
  for pid in $(executors); do echo "executor: pid $pid ($(readlink "/proc/$pid/cwd"))"; done
}

# What $SPARK_HOME/bin/spark-submit runs: SparkSubmit with Spark's jars and Java 17's options.
submit() {
  [[ -d "$jars" ]] || fail "no Spark jars in $jars: build nn-spark first (mvn -B -DskipTests -pl nn-cli,nn-spark -am package)"
  export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  prepare_home
  exec java "${jvm_opts[@]}" ${NN_JAVA_OPTS:--Xmx1g} -cp "$home/conf:$home/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  executors) executors ;;
  submit) shift; submit "$@" ;;
  *) echo "usage: nn-spark/cluster.sh start|stop|status|executors|submit ARGS..." >&2; exit 2 ;;
esac
