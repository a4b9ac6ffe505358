package nn.api.spi;

/**
 * How many threads the native ops that the calling thread starts may use, narrowed around work
 * too small to share. Waking a second thread for one op costs tens of microseconds on a shared
 * machine, more than a small matrix product saves by being split; PyTorch keeps such ops on one
 * thread by a grain size for the same reason.
 */
public interface OpThreads {
    /**
     * Before an op of {@code multiplyAdds} multiply-adds: when that is too little to share, the
     * calling thread's next native ops run on one thread until {@link #restore}. Returns whether
     * it narrowed, so the caller restores only then.
     */
    boolean narrowIfSmall(long multiplyAdds);

    /** Gives the calling thread's native ops the backend's full thread count again. */
    void restore();

    /** A backend whose thread count never changes per op (one thread, or no host threads). */
    OpThreads FIXED = new OpThreads() {
        @Override
        public boolean narrowIfSmall(long multiplyAdds) {
            return false;
        }

        @Override
        public void restore() {
        }
    };
}
