package nn.cli;

import nn.api.graph.Graph;
import nn.api.shapes.ShapeInference;
import nn.api.graph.TrainSpec;
import nn.api.network.ModelSummary;
import nn.api.registry.Registry;
import nn.api.train.MemoryEstimate;
import org.bytedeco.javacpp.Pointer;

import java.lang.management.ManagementFactory;
import java.util.List;

import static nn.api.train.MemoryEstimate.format;

/**
 * Refuses, before anything is allocated, a model whose training cannot fit here: its tensors
 * against the native memory JavaCPP lets ND4J use (bounded by -Xmx unless set otherwise), the
 * whole against the machine's physical memory, and the optimizer's arrays against the heap.
 */
final class MemoryCheck {
    /** The flat optimizers hold every parameter in one Java array. */
    static final long MAX_PARAMETERS = Integer.MAX_VALUE - 8;

    private MemoryCheck() {
    }

    /** {@link #require(String, MemoryEstimate)} for a graph about to be trained with these settings. */
    static void require(Graph graph, TrainSpec train, Registry registry) {
        List<ModelSummary.Row> rows;
        try {
            rows = ModelSummary.rows(graph, ShapeInference.run(graph, registry).shapes(), registry);
        } catch (RuntimeException e) {
            return; // a plugin layer that cannot be made: building the network reports it, naming its jar
        }
        require(graph.name(), MemoryEstimate.of(rows, train, registry));
    }

    /** Throws a {@link RunFailure} (exit 1) saying how much is needed and how much there is. */
    static void require(String model, MemoryEstimate m) {
        if (m.parameters() > MAX_PARAMETERS) {
            throw new RunFailure(model + " has " + String.format("%,d", m.parameters()) + " parameters; training holds them "
                    + "in one array, of at most " + String.format("%,d", MAX_PARAMETERS));
        }
        long physical = physicalBytes();
        String parts = " (parameters " + format(m.parameterBytes()) + ", gradients " + format(m.gradientBytes())
                + ", optimizer " + format(m.optimizerBytes()) + ", activations " + format(m.activationBytesPerBatch())
                + " per batch and " + format(m.activationBytesPerEvaluationBatch()) + " per evaluation batch)";
        if (physical > 0 && m.totalBytes() > physical) {
            throw new RunFailure(model + " needs about " + format(m.totalBytes()) + " to train" + parts
                    + ", but this machine has " + format(physical) + " of memory");
        }
        long nativeLimit = Pointer.maxBytes();
        if (nativeLimit > 0 && m.nativeBytes() > nativeLimit) {
            throw new RunFailure(model + " needs about " + format(m.nativeBytes()) + " of native memory for its tensors"
                    + parts + ", but ND4J may use " + format(nativeLimit) + " here (JavaCPP's limit follows -Xmx: "
                    + "NN_JAVA_OPTS=-Xmx" + gigabytesFor(m) + "g raises it)");
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (m.heapBytes() > heap) {
            throw new RunFailure(model + " needs about " + format(m.heapBytes()) + " of Java heap for the optimizer"
                    + parts + ", but the heap may grow to " + format(heap) + " (NN_JAVA_OPTS=-Xmx"
                    + gigabytesFor(m) + "g raises it)");
        }
    }

    /** The machine's physical memory, or 0 when the JVM cannot say. */
    static long physicalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** A heap size (GiB) that lets both the heap and JavaCPP's native limit, which follows it, hold the model. */
    private static long gigabytesFor(MemoryEstimate m) {
        return Math.max(m.nativeBytes(), m.heapBytes()) / (1L << 30) + 2;
    }
}
