package nn.cli;

import com.google.inject.Inject;
import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.dsl.Compiled;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** `nn check FILE`: parse, validate and shape-check; print the layer table. Loads no native code. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a .nn file and print each layer's output shape and parameter count.")
final class CheckCommand extends ModelTableCommand {
    @Inject
    CheckCommand(Registry registry) {
        super(registry);
    }

    @Override
    void printTable(PrintWriter out, Compiled compiled, List<ModelSummary.Row> rows) {
        out.println(file + ": model " + compiled.graph().name());
        out.print(LayerTable.format(rows));
        out.println(compiled.graph().train() == null ? "no train section" : "train: " + TrainSummary.describe(compiled.graph().train()));
    }
}
