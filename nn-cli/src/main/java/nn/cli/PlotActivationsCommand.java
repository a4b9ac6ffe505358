package nn.cli;

import com.google.inject.Inject;
import nn.api.registry.Registry;
import nn.api.runtime.Activation;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.spi.ActivationProvider;
import nn.cli.plot.ActivationChart;
import nn.cli.plot.ActivationCurve;
import nn.cli.plot.ActivationSheet;
import nn.cli.plot.PngFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `nn plot activations [-o DIR]`: every registered activation (plugins' too) with its
 * derivative, one PNG each and one overview sheet, computed by the activation's own code.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        description = "Plot every activation and its derivative: one PNG each and activations.png with all of them.")
final class PlotActivationsCommand implements Callable<Integer> {
    /** Shows sigmoid and tanh saturating and every kink; the step's threshold sits well inside. */
    static final double FROM = -6, TO = 6;
    static final int POINTS = 1201;
    static final String SHEET = "activations.png";
    /** The lecture's perceptron fires above 2.0; the language's default threshold stays 0. */
    static final Map<String, String> PLOT_DEFAULTS = Map.of("step.threshold", "2.0");

    private final Registry registry;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "activations",
            description = "directory for the PNGs (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--param", paramLabel = "ACTIVATION.PARAM=VALUE",
            description = "an activation's parameter, e.g. --param step.threshold=0 (default: step.threshold=2.0)")
    Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    BackendOptions backend;

    @Spec
    CommandSpec spec;

    @Inject
    PlotActivationsCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        Map<String, Map<String, Object>> given = parameters();
        backend.activate(registry, "cpu", 0); // a few thousand values: no reason to look for a GPU
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ActivationCurve> curves = new ArrayList<>();
        for (Map.Entry<String, ActivationProvider> e : registry.activations().entrySet()) {
            String name = e.getKey();
            Map<String, Object> args = given.getOrDefault(name, Map.of());
            Param missing = firstMissing(e.getValue(), args);
            if (missing != null) {
                err.printf("nn: warning: %s not plotted: it needs --param %s.%s=VALUE%n", name, name, missing.name());
                continue;
            }
            Args bound = bind(e.getValue(), args);
            Activation activation = e.getValue().create(bound);
            ActivationCurve curve = ActivationCurve.sample(title(name, bound), activation, FROM, TO, POINTS);
            Path file = dir.resolve("activation-" + name + ".png");
            PngFile.write(ActivationChart.of(curve, 640, 440), file);
            out.println("wrote " + file);
            curves.add(curve);
        }
        if (curves.isEmpty()) throw new UserError("no activation could be plotted");
        ActivationSheet.write(curves, dir.resolve(SHEET));
        out.println("wrote " + dir.resolve(SHEET) + " (" + curves.size() + " activations)");
        return ExitCodes.OK;
    }

    /** --param values by activation, over the plot's own defaults; names and values are checked. */
    private Map<String, Map<String, Object>> parameters() {
        Map<String, String> all = new LinkedHashMap<>(PLOT_DEFAULTS);
        all.putAll(params);
        Map<String, Map<String, Object>> byActivation = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : all.entrySet()) {
            int dot = p.getKey().indexOf('.');
            String name = dot < 0 ? p.getKey() : p.getKey().substring(0, dot);
            ActivationProvider provider = registry.activations().get(name);
            if (provider == null) {
                if (PLOT_DEFAULTS.containsKey(p.getKey()) && !params.containsKey(p.getKey())) continue; // step removed
                throw new UserError("--param " + p.getKey() + ": no activation named '" + name + "'");
            }
            if (dot < 0 || provider.schema().find(p.getKey().substring(dot + 1)) == null) {
                throw new UserError("--param " + p.getKey() + ": give ACTIVATION.PARAM=VALUE with PARAM one of "
                        + provider.schema().names());
            }
            byActivation.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(p.getKey().substring(dot + 1), literal(p.getValue()));
        }
        byActivation.forEach((name, args) -> bind(registry.activations().get(name), args)); // every value checked before drawing
        return byActivation;
    }

    private static Param firstMissing(ActivationProvider provider, Map<String, Object> args) {
        for (Param p : provider.schema().params()) if (p.isRequired() && !args.containsKey(p.name())) return p;
        return null;
    }

    private static Args bind(ActivationProvider provider, Map<String, Object> args) {
        List<String> problems = new ArrayList<>();
        Args bound = provider.schema().bind(List.of(), args, (where, message, hint) -> problems.add(message));
        if (!problems.isEmpty()) throw new UserError("--param for " + provider.name() + ": " + problems.get(0));
        return bound;
    }

    /** A number as a number (int when whole), true/false as a boolean, anything else as text. */
    private static Object literal(String value) {
        String v = value.trim();
        if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException notNumber) {
                return v;
            }
        }
    }

    /** `step (threshold = 2.0)`: the name and the arguments the curve was drawn with. */
    private static String title(String name, Args args) {
        if (args.asMap().isEmpty()) return name;
        List<String> parts = new ArrayList<>();
        args.asMap().forEach((k, v) -> parts.add(k + " = " + v));
        return name + " (" + String.join(", ", parts) + ")";
    }
}
