package nn.onnx;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One nn operation made from one or more ONNX nodes, before it is written as `.nn` text:
 * its name, the nn operation and arguments (in the order the text writes them), the names it
 * reads, and the arrays it brings: parameters by nn's names (`W`, `b`, `gamma`, ...) and layer
 * state (`running_mean`, `running_var`).
 */
record NnNode(String name, String op, List<String> inputs, LinkedHashMap<String, Object> args,
              Map<String, INDArray> params, Map<String, INDArray> state) {

    NnNode {
        inputs = List.copyOf(inputs);
    }

    boolean isMerge() {
        return op.equals("add") || op.equals("concat");
    }
}
