package nn.onnx;

import nn.api.NnVersion;
import nn.api.checkpoint.ModelSignature;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.network.Network;
import nn.onnx.proto.Onnx.AttributeProto;
import nn.onnx.proto.Onnx.GraphProto;
import nn.onnx.proto.Onnx.ModelProto;
import nn.onnx.proto.Onnx.NodeProto;
import nn.onnx.proto.Onnx.OperatorSetIdProto;
import nn.onnx.proto.Onnx.StringStringEntryProto;
import nn.onnx.proto.Onnx.TensorProto;
import nn.onnx.proto.Onnx.TensorShapeProto;
import nn.onnx.proto.Onnx.TypeProto;
import nn.onnx.proto.Onnx.ValueInfoProto;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained network as an ONNX model (opset {@link OnnxFormat#OPSET}). Every value keeps its nn
 * name: the input is `image`, node `dense_1`'s output is the tensor `dense_1`, its weights the
 * initializers `dense_1.W` and `dense_1.b`. The model takes what the network takes, normalised
 * pixels; the normalisation and class names go into the model's metadata (see docs/onnx.md).
 * Operations without an ONNX form are reported together, by node and operation.
 */
public final class OnnxExporter {
    private static final String BATCH = "N";

    private final Network network;
    private final Map<String, INDArray> params;
    private final Map<String, INDArray> state;
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final List<String> unsupported = new ArrayList<>();

    private OnnxExporter(Network network) {
        this.network = network;
        this.params = network.namedParams();
        this.state = network.layerState();
    }

    /** The model for a restored network; `signature` is the checkpoint's. */
    public static ModelProto export(Network network, ModelSignature signature) {
        return new OnnxExporter(network).model(signature);
    }

    private ModelProto model(ModelSignature signature) {
        graph.setName(network.graph().name());
        for (GraphInput input : network.graph().inputs()) graph.addInput(value(input.name(), input.shape()));
        for (Node node : network.nodes()) node(node);
        if (!unsupported.isEmpty()) {
            throw new OnnxException("cannot export to ONNX: " + String.join(", ", unsupported)
                    + " (no ONNX form for these operations)");
        }
        for (String output : network.graph().outputs()) graph.addOutput(value(output, network.shapes().get(output)));
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(OnnxFormat.IR_VERSION)
                .setProducerName("nn").setProducerVersion(NnVersion.current())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxFormat.OPSET))
                .setGraph(graph);
        metadata(model, OnnxFormat.META_PREPROCESSING, OnnxFormat.PREPROCESSING);
        metadata(model, OnnxFormat.META_MEAN, Double.toString(signature.normalization().mean()));
        metadata(model, OnnxFormat.META_STD, Double.toString(signature.normalization().std()));
        if (!signature.classNames().isEmpty()) metadata(model, OnnxFormat.META_CLASSES, String.join(",", signature.classNames()));
        return model.build();
    }

    private static void metadata(ModelProto.Builder model, String key, String value) {
        model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value));
    }

    private void node(Node n) {
        String x = n.inputs().get(0), y = n.name();
        Map<String, Object> a = n.args();
        switch (n.op()) {
            case "dense" -> emit(n, "Gemm", weights(n, "W", "b"));
            case "conv2d" -> emit(n, "Conv", weights(n, "W", "b"),
                    ints("kernel_shape", kernel(a), kernel(a)), ints("strides", integer(a, "stride"), integer(a, "stride")),
                    ints("pads", pads(n, integer(a, "stride"), (kernel(a) - 1) * integer(a, "dilation") + 1)),
                    ints("dilations", integer(a, "dilation"), integer(a, "dilation")), integer("group", integer(a, "groups")));
            case "maxpool2d", "avgpool2d" -> {
                int k = kernel(a), s = integer(a, "stride") == 0 ? k : integer(a, "stride");
                List<AttributeProto> attrs = new ArrayList<>(List.of(ints("kernel_shape", k, k), ints("strides", s, s),
                        ints("pads", pads(n, s, k))));
                if (n.op().equals("avgpool2d")) attrs.add(integer("count_include_pad", 1));
                emit(n, n.op().equals("maxpool2d") ? "MaxPool" : "AveragePool", List.of(x), attrs.toArray(AttributeProto[]::new));
            }
            case "global_avgpool" -> {
                graph.addNode(node(y + "/pool", "GlobalAveragePool", List.of(x), y + "/pool"));
                graph.addNode(node(y, "Flatten", List.of(y + "/pool"), y, integer("axis", 1)));
            }
            case "batchnorm" -> {
                List<String> in = new ArrayList<>(weights(n, "gamma", "beta"));
                in.add(initializer(y + ".running_mean", state.get(y + ".running_mean")));
                in.add(initializer(y + ".running_var", state.get(y + ".running_var")));
                // ONNX's momentum weighs the running value, nn's (and PyTorch's) the batch.
                emit(n, "BatchNormalization", in, real("epsilon", number(a, "eps")),
                        real("momentum", 1 - number(a, "momentum")));
            }
            case "dropout" -> {
                // Dropout in inference is the identity; the ratio is kept so an import restores the layer.
                graph.addInitializer(Tensors.scalar(y + ".ratio", (float) number(a, "rate")));
                emit(n, "Dropout", List.of(x, y + ".ratio"));
            }
            case "flatten" -> emit(n, "Flatten", List.of(x), integer("axis", 1));
            case "reshape" -> {
                int[] dims = network.shapes().get(y).dims();
                long[] target = new long[dims.length + 1];
                target[0] = -1;
                for (int i = 0; i < dims.length; i++) target[i + 1] = dims[i];
                graph.addInitializer(Tensors.int64s(y + ".shape", target));
                emit(n, "Reshape", List.of(x, y + ".shape"));
            }
            case "add" -> emit(n, n.inputs().size() == 2 ? "Add" : "Sum", n.inputs());
            case "concat" -> emit(n, "Concat", n.inputs(), integer("axis", integer(a, "axis") + 1));
            case "relu" -> emit(n, "Relu", List.of(x));
            case "sigmoid" -> emit(n, "Sigmoid", List.of(x));
            case "tanh" -> emit(n, "Tanh", List.of(x));
            case "identity" -> emit(n, "Identity", List.of(x));
            case "softmax" -> emit(n, "Softmax", List.of(x), integer("axis", -1));
            case "leaky_relu" -> emit(n, "LeakyRelu", List.of(x), real("alpha", number(a, "alpha")));
            case "elu" -> emit(n, "Elu", List.of(x), real("alpha", number(a, "alpha")));
            case "step" -> {
                // 1 where x > threshold, else 0: a comparison cast back to float.
                graph.addInitializer(Tensors.scalar(y + ".threshold", (float) number(a, "threshold")));
                graph.addNode(node(y + "/greater", "Greater", List.of(x, y + ".threshold"), y + "/greater"));
                graph.addNode(node(y, "Cast", List.of(y + "/greater"), y, integer("to", TensorProto.DataType.FLOAT_VALUE)));
            }
            default -> unsupported.add("node '" + y + "' (" + n.op() + ")");
        }
    }

    /** The node's input followed by its parameter initializers (those it has: a bias is optional). */
    private List<String> weights(Node n, String... names) {
        List<String> in = new ArrayList<>(List.of(n.inputs().get(0)));
        for (String p : names) {
            INDArray value = params.get(n.name() + "." + p);
            if (value != null) in.add(initializer(n.name() + "." + p, value));
        }
        return in;
    }

    private String initializer(String name, INDArray value) {
        graph.addInitializer(Tensors.floats(name, value));
        return name;
    }

    private void emit(Node n, String op, List<String> inputs, AttributeProto... attributes) {
        graph.addNode(node(n.name(), op, inputs, n.name(), attributes));
    }

    private static NodeProto node(String name, String op, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder b = NodeProto.newBuilder().setName(name).setOpType(op).addAllInput(inputs).addOutput(output);
        for (AttributeProto attr : attributes) b.addAttribute(attr);
        return b.build();
    }

    /**
     * ONNX pads [top, left, bottom, right]. nn's "same" keeps ceil(size / stride) with the extra
     * zero at the bottom and right; written out here as explicit pads from the known sizes.
     */
    private long[] pads(Node n, int stride, int extent) {
        Object padding = n.args().get("padding");
        if (!"same".equals(padding)) {
            long p = ((Number) padding).longValue();
            return new long[]{p, p, p, p};
        }
        Shape in = network.shapes().get(n.inputs().get(0));
        long[] pads = new long[4];
        for (int axis = 0; axis < 2; axis++) {
            int size = in.dim(axis + 1), out = (size + stride - 1) / stride;
            int total = Math.max((out - 1) * stride + extent - size, 0);
            pads[axis] = total / 2;
            pads[axis + 2] = total - total / 2;
        }
        return pads;
    }

    private static ValueInfoProto value(String name, Shape shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (int d : shape.dims()) dims.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(dims))).build();
    }

    private static int kernel(Map<String, Object> a) {
        return integer(a, "kernel");
    }

    private static int integer(Map<String, Object> a, String key) {
        return ((Number) a.get(key)).intValue();
    }

    private static double number(Map<String, Object> a, String key) {
        return ((Number) a.get(key)).doubleValue();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) b.addInts(v);
        return b.build();
    }

    private static AttributeProto real(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF((float) value).build();
    }
}
