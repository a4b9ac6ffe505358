package nn.spark;

import nn.api.registry.Registry;
import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need: nn's own (nn-spark's and the one holding nn-api, nn.jar
 * when started by ./nn) and the jar of every provider in the driver's registry, which includes
 * the plugins loaded with --plugins. Executors put them on their class path, where ServiceLoader
 * finds the same providers the driver has.
 */
final class JarsToShip {
    private JarsToShip() {
    }

    /** `listed` (spark.jars, comma-separated, e.g. spark-submit's) plus the jars not in it yet, by file name. */
    static List<String> add(String listed, Registry registry) {
        Set<String> jars = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (String jar : listed.split(",")) {
            if (jar.isBlank()) continue;
            jars.add(jar.trim());
            names.add(fileName(jar.trim()));
        }
        for (Class<?> c : classes(registry)) {
            for (String jar : JavaSparkContext.jarOfClass(c)) {
                // spark-submit lists nn.jar as file:/.../nn.jar; Spark refuses one file name from two paths.
                if (names.add(fileName(jar))) jars.add(jar);
            }
        }
        return new ArrayList<>(jars);
    }

    private static List<Class<?>> classes(Registry registry) {
        List<Class<?>> classes = new ArrayList<>(List.of(SparkRun.class, nn.api.train.Trainer.class));
        if (registry == null) return classes;
        Stream.<Map<String, ?>>of(registry.layers(), registry.merges(), registry.activations(), registry.losses(),
                        registry.optimizers(), registry.initializers(), registry.schedules(), registry.datasets(),
                        registry.backends())
                .flatMap(m -> m.values().stream())
                .map(Object::getClass)
                .distinct()
                .forEach(classes::add);
        return classes;
    }

    private static String fileName(String jar) {
        String path = jar.contains(":") && !jar.startsWith("/") ? jar.substring(jar.indexOf(':') + 1) : jar;
        return Path.of(path).getFileName().toString();
    }
}
