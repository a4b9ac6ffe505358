package nn.api.network;

import nn.api.plugin.PluginException;
import nn.api.plugin.ProviderFailure;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.Layer;
import nn.api.runtime.MergeLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a DAG of layers: forward in graph order, backward in reverse, summing the gradients
 * of a value that feeds several operations. Values are numbered: the graph input is 0, node
 * i is i + 1.
 */
final class GraphExecutor {

    /** One node at run time: a single-input layer or a merge, and the values it reads. */
    record Step(String name, String op, int[] inputs, Layer layer, MergeLayer merge, BatchBuffers accumulator) {
        INDArray forward(INDArray[] values, boolean training) {
            try {
                if (layer != null) return layer.forward(values[inputs[0]], training);
                List<INDArray> in = new ArrayList<>(inputs.length);
                for (int i : inputs) in.add(values[i]);
                return merge.forward(in, training);
            } catch (RuntimeException e) {
                throw failure("in the forward pass", e);
            }
        }

        List<INDArray> backward(INDArray gradOutput) {
            try {
                if (layer != null) {
                    INDArray g = layer.backward(gradOutput);
                    return g == null ? List.of() : List.of(g);
                }
                return merge.backward(gradOutput);
            } catch (RuntimeException e) {
                throw failure("in the backward pass", e);
            }
        }

        /** Names the node and the jar its code came from; costs nothing unless thrown. */
        private RuntimeException failure(String pass, RuntimeException e) {
            if (e instanceof PluginException) return e;
            Class<?> code = layer != null ? layer.getClass() : merge.getClass();
            return ProviderFailure.wrap(op, code, pass + " of node '" + name + "'", e);
        }
    }

    /** How many steps read value {@code value}. */
    static int readers(List<Step> steps, int value) {
        int n = 0;
        for (Step s : steps) for (int in : s.inputs()) if (in == value) n++;
        return n;
    }

    private final List<Step> steps;
    private final int output;
    private final String outputName;
    private final INDArray[] values;
    private final INDArray[] grads;
    /** Whether grads[i] is already the executor's own accumulation buffer. */
    private final boolean[] owned;

    /** @param outputName the graph node whose value is the output (a layout change may copy it last) */
    GraphExecutor(List<Step> steps, int output, String outputName) {
        this.steps = steps;
        this.output = output;
        this.outputName = outputName;
        this.values = new INDArray[steps.size() + 1];
        this.grads = new INDArray[steps.size() + 1];
        this.owned = new boolean[steps.size() + 1];
    }

    String outputName() {
        return outputName;
    }

    INDArray forward(INDArray input, boolean training) {
        values[0] = input;
        for (int i = 0; i < steps.size(); i++) values[i + 1] = steps.get(i).forward(values, training);
        return values[output];
    }

    void backward(INDArray gradOutput) {
        java.util.Arrays.fill(grads, null);
        java.util.Arrays.fill(owned, false);
        grads[output] = gradOutput;
        for (int i = output - 1; i >= 0; i--) {
            INDArray g = grads[i + 1];
            if (g == null) continue; // does not lead to the output
            Step step = steps.get(i);
            List<INDArray> inputGrads = step.backward(g);
            for (int k = 0; k < inputGrads.size(); k++) accumulate(step.inputs()[k], inputGrads.get(k));
        }
    }

    /**
     * The first gradient of a value is kept as it is (layers never write into a gradient they
     * were given); a second one is summed into a buffer of the executor's own, since the first
     * may be shared (`add` hands the same array to all its inputs).
     */
    private void accumulate(int value, INDArray g) {
        if (value == 0 || g == null) return; // nothing needs the gradient of the graph input
        if (grads[value] == null) {
            grads[value] = g;
            return;
        }
        if (!owned[value]) {
            INDArray acc = steps.get(value - 1).accumulator().get(g.size(0), g.dataType());
            acc.assign(grads[value]);
            grads[value] = acc;
            owned[value] = true;
        }
        grads[value].addi(g);
    }
}
