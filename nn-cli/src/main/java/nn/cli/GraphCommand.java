package nn.cli;

import com.google.inject.Inject;
import nn.api.registry.Registry;
import nn.dsl.Compiled;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * `nn graph FILE [-o out.dot|out.svg|out.png]`: the model as a Graphviz DOT graph, to standard
 * output or a file; SVG and PNG are rendered with Graphviz's `dot` when it is installed.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print a .nn model as a Graphviz DOT graph, or write it as .dot, .svg or .png.")
final class GraphCommand implements Callable<Integer> {
    private final Registry registry;
    private final GraphvizRenderer renderer;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .nn file")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "write to OUT: .dot as text; .svg or .png rendered with Graphviz's dot")
    Path output;

    @Spec
    CommandSpec spec;

    @Mixin
    SetOptions sets;

    @Inject
    GraphCommand(Registry registry, GraphvizRenderer renderer) {
        this.registry = registry;
        this.renderer = renderer;
    }

    @Override
    public Integer call() throws IOException {
        Compiled compiled = sets.compile(file, registry);
        Warnings.print(compiled, spec.commandLine().getErr());
        String dot = DotGraph.of(compiled);
        if (output == null) {
            spec.commandLine().getOut().print(dot);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        String name = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".dot") || name.endsWith(".gv")) {
            Files.writeString(output, dot);
        } else if (name.endsWith(".svg") || name.endsWith(".png")) {
            renderer.render(dot, name.substring(name.lastIndexOf('.') + 1), output);
        } else {
            throw new UserError("cannot tell the format of '" + output + "': name it .dot, .svg or .png");
        }
        spec.commandLine().getOut().println("wrote " + output);
        return ExitCodes.OK;
    }
}
