package nn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `nn diagnose gradients`: looks inside a network's training. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Diagnose a network's training: gradient norms per layer.",
        subcommands = {DiagnoseGradientsCommand.class})
final class DiagnoseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to diagnose: gradients");
    }
}
