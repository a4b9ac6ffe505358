package nn.cli;

import nn.cli.sweep.TrainProcess;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Ends this `nn train` when the process that started it ends, however that one ended: `nn sweep`
 * starts each run with {@link #VARIABLE} set to its own pid, so a sweep killed with SIGKILL (which
 * no shutdown hook sees) leaves no run training on. The run exits as SIGTERM would make it: its
 * checkpoint, written atomically at each epoch's end, is the last whole one, and the sweep started
 * again resumes from it. Unset (a train started by hand), nothing is watched: `nohup nn train`
 * outlives its shell as it should.
 */
final class ParentWatch {
    /** The environment variable holding the pid of the process whose end ends this one. */
    static final String VARIABLE = TrainProcess.STOP_WITH_PID;

    /** Exit code when the watched process is gone: as if stopped by SIGTERM (128 + 15). */
    static final int EXIT_CODE = 143;

    private ParentWatch() {
    }

    /** Starts watching the process named by {@link #VARIABLE}, when it is set. */
    static void install(PrintStream err) {
        String text = System.getenv(VARIABLE);
        if (text == null || text.isBlank()) return;
        long pid;
        try {
            pid = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UserError(VARIABLE + "=" + text + ": expected the pid of a process");
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            stop(err, pid);
            return;
        }
        parent.get().onExit().thenRun(() -> stop(err, pid));
    }

    private static void stop(PrintStream err, long pid) {
        err.println("nn: process " + pid + " that started this run has ended; stopping (the last checkpoint resumes it)");
        err.flush();
        System.exit(EXIT_CODE);
    }
}
