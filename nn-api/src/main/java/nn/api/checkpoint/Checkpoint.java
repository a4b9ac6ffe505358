package nn.api.checkpoint;

import nn.api.graph.Graph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Objects;

/**
 * What a checkpoint holds: the `.nn` source, the graph, the flat parameter vector, the
 * optimizer's state by name, the layers' own state (batch-norm statistics, dropout's
 * generator) by `node.name`, and its typed metadata (provenance, signature, resume state).
 */
public record Checkpoint(String source, Graph graph, INDArray params, Map<String, INDArray> optimizerState,
                         Map<String, INDArray> layerState, CheckpointMetadata metadata) {

    /** Zip entry names; fixed so readers can reject anything else. */
    static final String SOURCE = "model.nn";
    static final String GRAPH = "graph.json";
    static final String PARAMS = "params.bin";
    static final String OPTIMIZER_DIR = "optimizer/";
    static final String STATE_DIR = "state/";
    static final String META = "meta.json";

    public Checkpoint {
        Objects.requireNonNull(metadata, "metadata");
    }
}
