package nn.cli;

import com.google.inject.Inject;
import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.api.train.MemoryEstimate;
import nn.dsl.Compiled;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** `nn summary FILE`: a table like Keras's model.summary(), for any DAG. Loads no native code. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print each node of a .nn model: operation, output shape, parameter count and inputs.")
final class SummaryCommand implements Callable<Integer> {
    private final Registry registry;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .nn file")
    Path file;

    @Spec
    CommandSpec spec;

    @Mixin
    SetOptions sets;

    @Inject
    SummaryCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Compiled compiled = sets.compile(file, registry);
        Warnings.print(compiled, spec.commandLine().getErr());
        List<ModelSummary.Row> rows = ModelSummary.rows(compiled.graph(), compiled.shapes(), registry);
        spec.commandLine().getOut().print(SummaryTable.format(compiled.graph(), rows));
        spec.commandLine().getOut().print(MemoryReport.describe(MemoryEstimate.of(rows, compiled.graph().train(), registry)));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
