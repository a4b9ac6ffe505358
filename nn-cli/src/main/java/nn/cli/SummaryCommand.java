package nn.cli;

import com.google.inject.Inject;
import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.dsl.Compiled;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** `nn summary FILE`: a table like Keras's model.summary(), for any DAG. Loads no native code. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print each node of a .nn model: operation, output shape, parameter count and inputs.")
final class SummaryCommand extends ModelTableCommand {
    @Inject
    SummaryCommand(Registry registry) {
        super(registry);
    }

    @Override
    void printTable(PrintWriter out, Compiled compiled, List<ModelSummary.Row> rows) {
        out.print(SummaryTable.format(compiled.graph(), rows));
    }
}
