package nn.cli;

import nn.dsl.Compiled;
import nn.dsl.Diagnostic;

import java.io.PrintWriter;

/** Prints a compiled model's warnings to standard error; they never change the exit code. */
final class Warnings {
    private Warnings() {
    }

    static void print(Compiled compiled, PrintWriter err) {
        for (Diagnostic d : compiled.warnings()) err.print(d.format());
        err.flush();
    }
}
