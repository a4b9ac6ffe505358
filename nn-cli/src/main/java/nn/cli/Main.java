package nn.cli;

import ch.qos.logback.classic.Level;
import com.google.inject.Guice;
import com.google.inject.Injector;
import nn.api.plugin.PluginException;
import nn.api.plugin.PluginFault;
import nn.api.plugin.Plugins;
import nn.api.registry.Registry;
import nn.api.train.InvalidTrainSection;
import nn.dsl.CompileException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** The `nn` command: builds the injector once, dispatches to a subcommand, maps failures to exit codes. */
@Command(name = "nn", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Train and inspect neural networks written as .nn files.",
        subcommands = {TrainCommand.class, SweepCommand.class, EvalCommand.class, PredictCommand.class, CheckCommand.class, SummaryCommand.class, GraphCommand.class, FmtCommand.class, LspCommand.class, PluginsCommand.class,
                BackendsCommand.class, DoctorCommand.class, BenchCommand.class,
                PlotCommand.class, DiagnoseCommand.class, DataCommand.class, ServeCommand.class,
                ExportCommand.class, ImportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    private static final java.util.logging.Logger GUICE_LOG = java.util.logging.Logger.getLogger("com.google.inject");

    @Option(names = "--debug", description = "Show stack traces and ND4J's own log.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Option(names = PluginOptions.PLUGINS, paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Also load plugin jars from DIR (repeatable; NN_PLUGIN_PATH and ~/.nn/plugins are always read).")
    List<java.nio.file.Path> pluginDirectories;

    @Option(names = PluginOptions.PREFER, paramLabel = "PLUGIN", scope = CommandLine.ScopeType.INHERIT,
            description = "When two plugins define the same name, use PLUGIN's (a jar or folder name; 'classpath' for nn's own).")
    List<String> preferredPlugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command line; the same path the launcher and the end-to-end tests take. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        // Guice logs every error it reports through java.util.logging; nn reports them itself, in one line
        GUICE_LOG.setLevel(debug ? java.util.logging.Level.INFO : java.util.logging.Level.OFF);
        if (debug) ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.nd4j")).setLevel(Level.INFO);
        PrintWriter errWriter = new PrintWriter(err, true);
        Injector injector;
        Plugins plugins;
        try {
            plugins = PluginOptions.scan(args).load(Main.class.getClassLoader());
            injector = Guice.createInjector(Registry.module(plugins));
        } catch (RuntimeException e) {
            return report(errWriter, e, debug);
        }
        for (PluginFault fault : plugins.faults()) errWriter.println("nn: warning: " + fault);
        CommandLine cli = new CommandLine(Main.class, new GuiceFactory(injector));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(errWriter);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(errWriter, e, debug));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) { // an Error passes picocli's handler by
            return report(errWriter, e, debug);
        }
    }

    /** One line for the user (all diagnostics for a .nn file); the stack trace only with --debug. */
    static int report(PrintWriter err, Throwable e, boolean debug) {
        Throwable cause = unwrap(e);
        if (cause instanceof CompileException ce) {
            err.print(ce.format());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        OutOfMemoryError oom = OutOfMemory.find(e);
        if (oom != null) {
            err.println("nn: error: " + OutOfMemory.describe(oom));
            if (debug) oom.printStackTrace(err);
            err.flush();
            return ExitCodes.FAILURE;
        }
        err.println("nn: error: " + message(cause));
        boolean badInput = cause instanceof UserError || cause instanceof InvalidTrainSection;
        if (debug) cause.printStackTrace(err);
        else if (!badInput && !(cause instanceof RunFailure) && !(cause instanceof PluginException)) {
            err.println("(run with --debug for the stack trace)");
        }
        err.flush();
        return badInput ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.lang.reflect.InvocationTargetException || t instanceof java.io.UncheckedIOException
                || t instanceof com.google.inject.ProvisionException || t instanceof com.google.inject.CreationException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable t) {
        if (t instanceof com.google.inject.CreationException ce && !ce.getErrorMessages().isEmpty()) {
            // Guice's own message is a multi-line report; its first error is the line the user needs
            return ce.getErrorMessages().iterator().next().getMessage().lines().findFirst().orElse("");
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
