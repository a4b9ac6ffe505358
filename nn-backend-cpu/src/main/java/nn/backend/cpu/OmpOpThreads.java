package nn.backend.cpu;

import nn.api.spi.OpThreads;
import org.nd4j.nativeblas.NativeOps;

/**
 * Narrows OpenMP, which runs libnd4j's and oneDNN's parallel loops, to one thread around small
 * ops. OpenMP's thread count is per calling thread, so narrowing on the training thread leaves
 * any other thread's ops alone.
 */
final class OmpOpThreads implements OpThreads {
    private final NativeOps nativeOps;
    private final int threads;
    private final long shareFrom;

    /** @param shareFrom the fewest multiply-adds worth running on all {@code threads} */
    OmpOpThreads(NativeOps nativeOps, int threads, long shareFrom) {
        this.nativeOps = nativeOps;
        this.threads = threads;
        this.shareFrom = shareFrom;
    }

    @Override
    public boolean narrowIfSmall(long multiplyAdds) {
        if (multiplyAdds >= shareFrom) return false;
        nativeOps.setOmpNumThreads(1);
        return true;
    }

    @Override
    public void restore() {
        nativeOps.setOmpNumThreads(threads);
    }
}
