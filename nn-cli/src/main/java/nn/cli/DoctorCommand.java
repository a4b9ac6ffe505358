package nn.cli;

import com.google.inject.Inject;
import nn.api.backend.ActiveBackend;
import nn.api.registry.Origin;
import nn.api.registry.Registry;
import nn.api.spi.Backend;
import nn.api.spi.Provider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * `nn doctor`: one report to paste into a bug report. Loads the CPU backend (one thread) to
 * report ND4J's natives, BLAS and threads; never fails because a backend cannot load.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print the environment (Java, OS, CPU, memory, ND4J, BLAS, backends, plugins, data sets) for a bug report.")
final class DoctorCommand implements Callable<Integer> {
    private final Registry registry;

    @Option(names = "--no-native", description = "do not load ND4J's natives (BLAS and threads then read 'not loaded')")
    boolean noNative;

    @Spec
    CommandSpec spec;

    @Inject
    DoctorCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("nn doctor (paste all of this into a bug report)");
        section(out, "machine");
        MachineFacts.collect().forEach((k, v) -> field(out, k, v));

        section(out, "nn");
        field(out, "nn", Version.nn());
        field(out, "nd4j", nd4jVersion());
        Backend cpu = registry.backends().get("cpu");
        Map<String, String> cpuFacts = cpuFacts(cpu);
        for (String key : List.of("cpu", "cpu features", "natives", "blas", "blas threads", "threads")) {
            field(out, key.equals("threads") ? "openmp threads" : key, cpuFacts.getOrDefault(key, "not loaded"));
        }

        section(out, "backends");
        for (String line : BackendsCommand.lines(registry.backends())) out.println("  " + line);
        for (Backend b : registry.backends().values()) {
            if (b == cpu) continue;
            b.describe().forEach((k, v) -> {
                if (!k.equals("backend")) field(out, b.name() + " " + k, v);
            });
        }

        section(out, "plugins (by jar)");
        pluginsByJar().forEach((jar, names) -> {
            out.println("  " + jar);
            out.println("      " + names.size() + ": " + String.join(", ", names));
        });

        section(out, "data sets");
        for (String line : DataCacheReport.lines(System::getenv)) out.println("  " + line);
        out.flush();
        return ExitCodes.OK;
    }

    /** The CPU backend's facts, after starting it unless told not to; its failure is a fact too. */
    private Map<String, String> cpuFacts(Backend cpu) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (cpu == null) {
            facts.put("natives", "not loaded: nn-backend-cpu is not on the class path");
            return facts;
        }
        Backend.Availability a = cpu.probe();
        try {
            if (!noNative && a.available()) ActiveBackend.start(cpu, new Backend.Options(1));
            facts.putAll(cpu.describe());
            if (!a.available()) facts.put("natives", "not loaded: " + a.reason());
        } catch (Throwable e) { // a report must come out whatever ND4J does
            facts.put("natives", "not loaded: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return facts;
    }

    private Map<String, List<String>> pluginsByJar() {
        Map<String, List<String>> byJar = new TreeMap<>();
        List<Map<String, ? extends Provider>> kinds = List.of(registry.layers(), registry.merges(), registry.activations(),
                registry.losses(), registry.optimizers(), registry.initializers(), registry.schedules(), registry.datasets());
        for (Map<String, ? extends Provider> kind : kinds) {
            for (Provider p : kind.values()) byJar.computeIfAbsent(Origin.of(p.getClass()), j -> new ArrayList<>()).add(p.name());
        }
        for (Backend b : registry.backends().values()) {
            byJar.computeIfAbsent(Origin.of(b.getClass()), j -> new ArrayList<>()).add("backend " + b.name());
        }
        return byJar;
    }

    private static String nd4jVersion() {
        try (InputStream in = DoctorCommand.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "1.0.0-M2.1 (the version nn is built against)");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println(title + ":");
    }

    private static void field(PrintWriter out, String key, String value) {
        out.printf("  %-16s %s%n", key, value);
    }
}
