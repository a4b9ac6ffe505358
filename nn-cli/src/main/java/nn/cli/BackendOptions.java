package nn.cli;

import nn.api.registry.Registry;
import nn.api.spi.Backend;
import picocli.CommandLine.Option;

/** Which backend computes and with how many threads, shared by every command that computes. */
final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME", description = "cpu, cuda or auto (default: $NN_BACKEND, else the file's, else auto)")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "compute threads (default: the file's, else 1)")
    Integer threads;

    /** Selects and starts the backend; the file's choices apply where no option overrides them. */
    Backend activate(Registry registry, String fileBackend, int fileThreads) {
        Backend selected = BackendSelector.select(registry, backend, fileBackend);
        int n = threads != null ? Options.positive("--threads", threads) : fileThreads > 0 ? fileThreads : 1;
        selected.activate(new Backend.Options(n));
        return selected;
    }
}
