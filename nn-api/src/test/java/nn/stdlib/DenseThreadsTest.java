package nn.stdlib;

import nn.api.backend.ActiveBackend;
import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Shape;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.spi.Backend;
import nn.api.spi.DirectGemm;
import nn.api.spi.OpThreads;
import nn.stdlib.layer.Dense;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Dense asks the backend's thread control about each product's size and always gives the
 * threads back, and offers each product to the backend's direct path before running the op.
 */
class DenseThreadsTest {

    /** Narrows below a size and records what it was asked and how often it was undone. */
    static final class Recording implements OpThreads {
        final List<Long> asked = new ArrayList<>();
        int narrowed, restored;
        final long shareFrom;

        Recording(long shareFrom) {
            this.shareFrom = shareFrom;
        }

        @Override
        public boolean narrowIfSmall(long multiplyAdds) {
            asked.add(multiplyAdds);
            if (multiplyAdds >= shareFrom) return false;
            narrowed++;
            return true;
        }

        @Override
        public void restore() {
            restored++;
        }
    }

    /** Runs the products it is offered with ND4J and records their transpositions and sizes. */
    static final class RecordingGemm implements DirectGemm {
        final List<String> runs = new ArrayList<>();

        @Override
        public boolean multiply(boolean transposeA, boolean transposeB, INDArray a, INDArray b, INDArray c, long multiplyAdds) {
            runs.add((transposeA ? "T" : "N") + (transposeB ? "T" : "N") + " " + multiplyAdds);
            c.assign((transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b));
            return true;
        }
    }

    private static void start(OpThreads threads) {
        start(threads, DirectGemm.NONE);
    }

    private static void start(OpThreads threads, DirectGemm gemm) {
        Backend b = mock(Backend.class);
        when(b.capabilities()).thenReturn(Set.of(Backend.Capability.HOST_MEMORY_KERNELS));
        when(b.opThreads()).thenReturn(threads);
        when(b.directGemm()).thenReturn(gemm);
        ActiveBackend.start(b, new Backend.Options(2));
    }

    private static Dense bound(int in, int units) {
        Dense dense = new Dense(in, units, true, "xavier");
        dense.bind(Map.of("W", Nd4j.rand(DataType.FLOAT, in, units), "b", Nd4j.zeros(DataType.FLOAT, units)),
                Map.of("W", Nd4j.zeros(DataType.FLOAT, in, units), "b", Nd4j.zeros(DataType.FLOAT, units)));
        return dense;
    }

    @AfterEach
    void fixedThreadsAgain() {
        start(OpThreads.FIXED);
    }

    @Test
    void eachProductIsSizedAsBatchTimesInTimesUnits() {
        Recording threads = new Recording(100);
        start(threads);
        Dense dense = bound(4, 5);
        INDArray out = dense.forward(Nd4j.rand(DataType.FLOAT, 3, 4), true);
        dense.backward(Nd4j.onesLike(out));
        assertEquals(List.of(60L, 60L, 60L), threads.asked); // forward, weight gradient, input gradient
        assertEquals(3, threads.narrowed);
        assertEquals(3, threads.restored);
    }

    @Test
    void largeProductsKeepEveryThread() {
        Recording threads = new Recording(50);
        start(threads);
        bound(4, 5).forward(Nd4j.rand(DataType.FLOAT, 3, 4), false);
        assertEquals(0, threads.narrowed);
        assertEquals(0, threads.restored);
    }

    @Test
    void threadsAreGivenBackWhenTheOpFails() {
        Recording threads = new Recording(1_000);
        start(threads);
        Dense dense = bound(4, 5);
        assertThrows(RuntimeException.class, () -> dense.forward(Nd4j.rand(DataType.FLOAT, 3, 7), false)); // 7 columns, not 4
        assertEquals(1, threads.narrowed);
        assertEquals(1, threads.restored);
    }

    @Test
    void productsTheBackendRunsDirectlyGiveTheOpsResults() {
        Nd4j.getRandom().setSeed(3);
        Dense dense = bound(4, 5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4), gy = Nd4j.rand(DataType.FLOAT, 3, 5);
        start(OpThreads.FIXED);
        INDArray opOut = dense.forward(x, true).dup();
        INDArray opGradIn = dense.backward(gy).dup();

        RecordingGemm gemm = new RecordingGemm();
        start(new Recording(1_000), gemm);
        INDArray out = dense.forward(x, true);
        INDArray gradIn = dense.backward(gy);

        assertEquals(List.of("NN 60", "TN 60", "NT 60"), gemm.runs); // x W, x^T gy, gy W^T
        assertEquals(0.0, opOut.sub(out).amaxNumber().doubleValue(), 1e-6);
        assertEquals(0.0, opGradIn.sub(gradIn).amaxNumber().doubleValue(), 1e-6);
    }

    @Test
    void theFirstDenseLayerAfterFlattenComputesNoInputGradient() {
        Recording threads = new Recording(0);
        start(threads);
        Graph g = new Graph("mlp",
                List.of(new GraphInput("image", Shape.of(1, 2, 2))),
                List.of(StdlibCalls.node("flat", "flatten", "image", Map.of()),
                        StdlibCalls.node("d1", "dense", "flat", Map.of("units", 5)),
                        StdlibCalls.node("r1", "relu", "d1", Map.of()),
                        StdlibCalls.node("d2", "dense", "r1", Map.of("units", 3))),
                List.of("d2"), null);
        Network net = new NetworkBuilder(StdlibCalls.REGISTRY)
                .dataType(DataType.FLOAT).seed(1).build(g);
        INDArray out = net.forward(Nd4j.rand(DataType.FLOAT, 3, 1, 2, 2), true);
        net.backward(Nd4j.onesLike(out));
        // Forward: d1, d2; backward: d2 x^T gy and gy W^T (d1 depends on parameters), d1 x^T gy only.
        assertEquals(List.of(3L * 4 * 5, 3L * 5 * 3, 3L * 5 * 3, 3L * 5 * 3, 3L * 4 * 5), threads.asked);
    }
}
