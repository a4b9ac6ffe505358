package nn.spark;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named arrays (optimizer state, layer state) in a form Spark can serialise: float arrays as
 * float[], everything else (counters, generator states) as long[]. The order is kept, since
 * optimizers size their buffers from the first entry.
 */
final class ArrayState implements Serializable {
    private static final long serialVersionUID = 1L;

    private record Entry(String name, long[] shape, float[] floats, long[] longs) implements Serializable {
    }

    private final List<Entry> entries;

    private ArrayState(List<Entry> entries) {
        this.entries = entries;
    }

    static ArrayState of(Map<String, INDArray> arrays) {
        List<Entry> entries = new ArrayList<>();
        arrays.forEach((name, a) -> {
            INDArray flat = a.dup('c');
            boolean floating = a.dataType() == DataType.FLOAT;
            entries.add(new Entry(name, a.shape(), floating ? flat.data().asFloat() : null,
                    floating ? null : flat.castTo(DataType.LONG).data().asLong()));
        });
        return new ArrayState(entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    long floatCount() {
        return entries.stream().filter(e -> e.floats != null).mapToLong(e -> e.floats.length).sum();
    }

    /** Every entry back as ND4J arrays. */
    Map<String, INDArray> arrays() {
        return arrays(false);
    }

    /** Only the entries of nodes whose state is all floating point (batch norm's statistics, not dropout's generator). */
    Map<String, INDArray> floatingNodes() {
        return arrays(true);
    }

    private Map<String, INDArray> arrays(boolean floatingNodesOnly) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (floatingNodesOnly && !nodeIsFloating(e.name)) continue;
            INDArray a = e.floats != null
                    ? (e.shape.length == 0 ? Nd4j.scalar(e.floats[0]) : Nd4j.create(e.floats, e.shape, 'c'))
                    : (e.shape.length == 0 ? Nd4j.scalar(e.longs[0]) : Nd4j.createFromArray(e.longs).reshape(e.shape));
            out.put(e.name, a);
        }
        return out;
    }

    private boolean nodeIsFloating(String name) {
        String node = node(name);
        return entries.stream().filter(e -> node(e.name).equals(node)).allMatch(e -> e.floats != null);
    }

    private static String node(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * The weighted mean of each float entry over the states (weights need not sum to 1);
     * non-float entries (step counters) are taken from the first state, where all agree.
     */
    static ArrayState average(List<ArrayState> states, double[] weights) {
        ArrayState first = states.get(0);
        double total = 0;
        for (double w : weights) total += w;
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < first.entries.size(); i++) {
            Entry e = first.entries.get(i);
            if (e.floats == null) {
                out.add(e);
                continue;
            }
            float[] mean = new float[e.floats.length];
            for (int s = 0; s < states.size(); s++) {
                if (weights[s] == 0) continue;
                float[] v = states.get(s).entries.get(i).floats;
                float w = (float) (weights[s] / total);
                for (int j = 0; j < mean.length; j++) mean[j] += w * v[j];
            }
            out.add(new Entry(e.name, e.shape, mean, null));
        }
        return new ArrayState(out);
    }
}
