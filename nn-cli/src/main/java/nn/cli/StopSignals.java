package nn.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop gracefully: the JVM's default would run shutdown hooks
 * and exit with 143, while a server told to stop that stops cleanly should exit 0.
 */
final class StopSignals {
    private StopSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[]{"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stop.run());
        }
    }
}
