package nn.cli;

import nn.api.registry.Registry;
import nn.dsl.Compiled;
import nn.dsl.ConstantOverrides;
import nn.dsl.ModelCompiler;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** `--set NAME=VALUE`, shared by every command that compiles a `.nn` file: one file, many runs. */
final class SetOptions {
    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "replace the file's constant 'let NAME = ...' with VALUE (same type; repeatable)")
    List<String> assignments = new ArrayList<>();

    /** The replacements given; a word that is not NAME=VALUE is an error naming it. */
    ConstantOverrides overrides() {
        return ConstantOverrides.parse(assignments);
    }

    /** The file compiled with the replacements, each checked against the file's own value. */
    Compiled compile(Path file, Registry registry) {
        return ModelCompiler.compile(file, registry, overrides());
    }

    boolean given() {
        return !assignments.isEmpty();
    }
}
