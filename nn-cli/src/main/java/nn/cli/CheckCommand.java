package nn.cli;

import com.google.inject.Inject;
import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.api.train.MemoryEstimate;
import nn.dsl.Compiled;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** `nn check FILE`: parse, validate and shape-check; print the layer table. Loads no native code. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a .nn file and print each layer's output shape and parameter count.")
final class CheckCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .nn file")
    Path file;

    @Spec
    CommandSpec spec;

    @Mixin
    SetOptions sets;

    @Inject
    CheckCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Compiled compiled = sets.compile(file, registry);
        Warnings.print(compiled, spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        List<ModelSummary.Row> rows = ModelSummary.rows(compiled.graph(), compiled.shapes(), registry);
        out.println(file + ": model " + compiled.graph().name());
        out.print(LayerTable.format(rows));
        out.println(compiled.graph().train() == null ? "no train section" : "train: " + TrainSummary.describe(compiled.graph().train()));
        out.print(MemoryReport.describe(MemoryEstimate.of(rows, compiled.graph().train(), registry)));
        out.flush();
        return ExitCodes.OK;
    }
}
