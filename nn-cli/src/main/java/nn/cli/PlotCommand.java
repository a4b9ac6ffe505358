package nn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `nn plot activations|history`: pictures of the building blocks and of training runs. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw PNG charts: activations and their derivatives, training histories.",
        subcommands = {PlotActivationsCommand.class, PlotHistoryCommand.class})
final class PlotCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to plot: activations or history");
    }
}
