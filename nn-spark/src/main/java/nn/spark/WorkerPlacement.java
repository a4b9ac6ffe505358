package nn.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each worker's tasks on the executor that holds its replica. The workers' partitions have
 * no data of their own, so Spark would start a task on whichever executor is free first, and an
 * executor that once ran worker 1's task would build worker 1's replica beside its own: two shards
 * of the data in one heap, which defeats sharding. Each partition therefore prefers the executor
 * that last ran it (Spark's executor-level locality); after an executor is lost the task runs
 * elsewhere once `spark.locality.wait` has passed, and the worker is re-pinned to where it ran.
 */
final class WorkerPlacement {
    private WorkerPlacement() {
    }

    /** Where this task runs, in Spark's executor-location form (null in the driver's JVM: local mode). */
    static String here() {
        SparkEnv env = SparkEnv.get();
        if (env == null || "driver".equals(env.executorId())) return null;
        return "executor_" + env.blockManager().blockManagerId().host() + "_" + env.executorId();
    }

    /** One partition per worker, worker w preferring places.get(w) (null: anywhere). */
    static JavaRDD<Integer> pinned(JavaSparkContext spark, List<String> places) {
        List<Tuple2<Integer, scala.collection.immutable.Seq<String>>> items = new ArrayList<>();
        for (int w = 0; w < places.size(); w++) {
            List<String> where = places.get(w) == null ? List.of() : List.of(places.get(w));
            items.add(new Tuple2<>(w, CollectionConverters.asScala(where).toList()));
        }
        ClassTag<Integer> tag = ClassTag$.MODULE$.apply(Integer.class);
        return spark.sc().makeRDD(CollectionConverters.asScala(items).toList(), tag).toJavaRDD();
    }
}
