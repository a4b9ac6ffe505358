package nn.onnx;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.CheckpointMetadata;
import nn.api.checkpoint.ModelSignature;
import nn.api.data.Normalization;
import nn.api.graph.Graph;
import nn.api.graph.Node;
import nn.api.network.Network;
import nn.api.network.NetworkBuilder;
import nn.api.registry.Registry;
import nn.dsl.CompileException;
import nn.dsl.Formatter;
import nn.dsl.ModelCompiler;
import nn.onnx.proto.Onnx.ModelProto;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX model as an nn model: `.nn` text, compiled by nn's own compiler (so it is exactly what
 * `nn check` accepts), and a checkpoint holding the ONNX weights in the compiled graph's layers.
 */
public final class OnnxImporter {
    private static final List<String> LANGUAGE_WORDS = List.of("model", "input", "output", "train", "true", "false",
            "block", "repeat", "import", "let", "label");

    /**
     * `data` names the data set of a train section to add (null: no train section, the model can be
     * checked, summarised and exported, not trained or evaluated); `normalization` overrides the one
     * in the file's metadata (null: the metadata's, else none).
     */
    public record Options(String modelName, String data, Normalization normalization) {
    }

    /** The model's text and its checkpoint, ready to be written. */
    public record Imported(String source, Checkpoint checkpoint) {
    }

    private OnnxImporter() {
    }

    public static Imported convert(String file, ModelProto model, Options options, Registry registry) {
        Set<String> reserved = new HashSet<>(registry.operationNames());
        reserved.addAll(LANGUAGE_WORDS);
        OnnxGraphReader.Result read = OnnxGraphReader.read(file, model, reserved);
        ModelSignature signature = read.signature();
        if (options.normalization() != null) {
            signature = new ModelSignature(signature.inputShape(), options.normalization(), signature.classNames());
        }
        String header = "Imported from " + file + " by nn import (ONNX producer " + model.getProducerName() + " "
                + model.getProducerVersion() + ", opset " + model.getOpsetImport(0).getVersion() + ").";
        String train = options.data() == null ? null : train(options.data(), read.outputs().get(0), signature.normalization());
        String text = new NnTextWriter(registry).write(header, options.modelName(), read.input(), read.inputShape(),
                read.nodes(), read.outputs(), train);
        Graph graph;
        try {
            text = Formatter.format(options.modelName() + ".nn", text);
            graph = ModelCompiler.compile(options.modelName() + ".nn", text, registry).graph();
        } catch (CompileException e) {
            throw new OnnxException(file + ": the imported model does not compile (a bug in nn import):\n" + e.format() + text);
        }
        Network network = new NetworkBuilder(registry).build(graph);
        Map<String, INDArray> state = assign(file, read.nodes(), graph.nodes(), network);
        network.restoreLayerState(state);
        INDArray params = network.params() == null ? org.nd4j.linalg.factory.Nd4j.create(0) : network.params().dup();
        Checkpoint checkpoint = new Checkpoint(text, graph, params, Map.of(), network.layerState(),
                CheckpointMetadata.untrained(signature));
        return new Imported(text, checkpoint);
    }

    /** Copies each imported node's arrays into the compiled node at the same position; returns the layer state by nn name. */
    private static Map<String, INDArray> assign(String file, List<NnNode> imported, List<Node> compiled, Network network) {
        if (imported.size() != compiled.size()) {
            throw new OnnxException(file + ": " + imported.size() + " nodes imported but " + compiled.size() + " compiled (a bug in nn import)");
        }
        Map<String, INDArray> state = new LinkedHashMap<>();
        for (int i = 0; i < imported.size(); i++) {
            NnNode from = imported.get(i);
            Node to = compiled.get(i);
            if (!from.op().equals(to.op())) {
                throw new OnnxException(file + ": node " + i + " is " + from.op() + " but compiled as " + to.op() + " (a bug in nn import)");
            }
            for (Map.Entry<String, INDArray> p : from.params().entrySet()) {
                INDArray target = network.namedParams().get(to.name() + "." + p.getKey());
                if (target == null || !Arrays.equals(target.shape(), p.getValue().shape())) {
                    throw new OnnxException(file + ": node '" + from.name() + "' brings " + p.getKey() + " of shape "
                            + Arrays.toString(p.getValue().shape()) + " but its input makes nn expect "
                            + (target == null ? "none" : Arrays.toString(target.shape())));
                }
                target.assign(p.getValue());
            }
            from.state().forEach((k, v) -> state.put(to.name() + "." + k, v));
        }
        return state;
    }

    /** A train section for fine-tuning on `data`: Adam, batch 64, one epoch, seed 42 (edit the text to change). */
    private static String train(String data, String output, Normalization normalization) {
        return String.format(Locale.ROOT, """
                train {
                    data      = %s(normalize = [%s, %s])
                    loss      = cross_entropy(%s, label)
                    optimizer = adam(lr = 1e-3)
                    batch     = 64
                    epochs    = 1
                    seed      = 42
                }
                """, data, NnTextWriter.literal(normalization.mean()), NnTextWriter.literal(normalization.std()), output);
    }
}
