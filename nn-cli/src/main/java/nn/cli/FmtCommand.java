package nn.cli;

import nn.dsl.Formatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `nn fmt FILE... [--check]`: rewrites each file in the canonical layout ({@link Formatter});
 * with --check, changes nothing and exits 1 when a file is not formatted. A file with syntax
 * errors is left alone and its errors are shown (exit 2).
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = "Format .nn files in place in the canonical layout.")
final class FmtCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .nn files")
    List<Path> files;

    @Option(names = "--check", description = "change nothing; exit 1 if a file is not formatted")
    boolean check;

    @Option(names = "--stdout", description = "print the formatted text instead of rewriting the file")
    boolean stdout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        int unformatted = 0;
        for (Path file : files) {
            String text = read(file);
            String formatted = Formatter.format(file.toString(), text);
            if (stdout) {
                spec.commandLine().getOut().print(formatted);
                spec.commandLine().getOut().flush();
            } else if (formatted.equals(text)) {
                continue;
            } else if (check) {
                spec.commandLine().getOut().println(file + ": not formatted (run 'nn fmt " + file + "')");
                unformatted++;
            } else {
                Files.writeString(file, formatted);
                spec.commandLine().getOut().println("formatted " + file);
            }
        }
        return unformatted > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        }
    }
}
