package nn.cli;

import nn.api.backend.ActiveBackend;
import nn.api.backend.BackendChoiceException;
import nn.api.backend.BackendSelector;
import nn.api.registry.Registry;
import nn.api.spi.Backend;
import nn.api.spi.BackendException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** Which backend computes and with how many threads, shared by every command that computes. */
final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME", description = "cpu, cuda or auto (default: $NN_BACKEND, else the file's, else auto)")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "compute threads (default: the file's, else 1)")
    Integer threads;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Selects and starts the backend; the file's choices apply where no option overrides them. */
    Backend activate(Registry registry, String fileBackend, int fileThreads) {
        PrintWriter err = command.commandLine().getErr();
        BackendSelector selector = new BackendSelector(registry.backends(), System::getenv,
                line -> err.println("nn: warning: " + line));
        Backend selected;
        try {
            selected = selector.select(backend, fileBackend);
        } catch (BackendChoiceException e) {
            throw e.badInput() ? new UserError(e.getMessage()) : new RunFailure(e.getMessage());
        }
        int n = threads != null ? Options.positive("--threads", threads) : fileThreads > 0 ? fileThreads : 1;
        try {
            ActiveBackend.start(selected, new Backend.Options(n));
        } catch (BackendException e) {
            throw new RunFailure("backend '" + selected.name() + "' failed to start: " + e.getMessage(), e);
        }
        return selected;
    }
}
