package nn.cli;

import com.google.inject.Inject;
import nn.api.registry.Registry;
import nn.lsp.LspServer;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * `nn lsp`: the language server for editors, over standard input and output. It answers
 * from the same compiler and registry (plugins from --plugins included) as `nn check`.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Run the .nn language server (Language Server Protocol over standard input/output) for editors.")
final class LspCommand implements Callable<Integer> {
    private final Registry registry;

    @Inject
    LspCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws InterruptedException {
        // Standard output carries the protocol alone: anything else printed there (a library's
        // message) would corrupt it, so System.out goes to standard error while serving.
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        PrintStream previous = System.out;
        System.setOut(System.err);
        try {
            return LspServer.serve(registry, Version.nn(), new FileInputStream(FileDescriptor.in), protocolOut);
        } finally {
            System.setOut(previous);
        }
    }
}
