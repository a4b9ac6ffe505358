package nn.cli;

/**
 * The one line a user sees when nn runs out of memory: which memory (the Java heap, or the native
 * memory ND4J's arrays live in), what the runtime said it was asked for, and what to change.
 */
final class OutOfMemory {
    private OutOfMemory() {
    }

    /** The OutOfMemoryError behind `t`, through any wrapping, or null. */
    static OutOfMemoryError find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) return oom;
            if (c.getCause() == c) break;
        }
        return null;
    }

    static String describe(OutOfMemoryError e) {
        String said = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        // JavaCPP, which allocates ND4J's arrays, names its limits (maxBytes, maxPhysicalBytes) and
        // the bytes it was asked for; the JVM's heap says "Java heap space" or similar.
        boolean nativeMemory = said.contains("Pointer") || said.contains("physicalBytes") || said.contains("maxBytes")
                || said.contains("Cannot allocate") || said.contains("Direct buffer");
        String which = nativeMemory ? "native memory for arrays" : "the Java heap ("
                + String.format("%.1f GB limit", Runtime.getRuntime().maxMemory() / 1e9) + ")";
        return "out of memory: " + which + (said.isBlank() ? "" : ": " + said)
                + "; use a smaller --batch (or model), or give nn more memory with NN_JAVA_OPTS=-Xmx4g";
    }
}
