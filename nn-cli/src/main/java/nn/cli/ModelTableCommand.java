package nn.cli;

import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.api.train.MemoryEstimate;
import nn.dsl.Compiled;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What `nn check` and `nn summary` share: compile a .nn file, print its warnings, a table of its
 * nodes (each command its own), then the memory training takes. Loads no native code.
 */
abstract class ModelTableCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .nn file")
    Path file;

    @Spec
    CommandSpec spec;

    @Mixin
    SetOptions sets;

    ModelTableCommand(Registry registry) {
        this.registry = registry;
    }

    /** Prints the command's own table of the compiled model's nodes. */
    abstract void printTable(PrintWriter out, Compiled compiled, List<ModelSummary.Row> rows);

    @Override
    public final Integer call() {
        Compiled compiled = sets.compile(file, registry);
        Warnings.print(compiled, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        List<ModelSummary.Row> rows = ModelSummary.rows(compiled.graph(), compiled.shapes(), registry);
        printTable(out, compiled, rows);
        out.print(MemoryReport.describe(MemoryEstimate.of(rows, compiled.graph().train(), registry)));
        out.flush();
        return ExitCodes.OK;
    }
}
