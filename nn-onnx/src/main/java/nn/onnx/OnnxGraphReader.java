package nn.onnx;

import nn.api.checkpoint.ModelSignature;
import nn.api.data.Normalization;
import nn.api.graph.Shape;
import nn.onnx.proto.Onnx.AttributeProto;
import nn.onnx.proto.Onnx.GraphProto;
import nn.onnx.proto.Onnx.ModelProto;
import nn.onnx.proto.Onnx.NodeProto;
import nn.onnx.proto.Onnx.OperatorSetIdProto;
import nn.onnx.proto.Onnx.StringStringEntryProto;
import nn.onnx.proto.Onnx.TensorProto;
import nn.onnx.proto.Onnx.TensorShapeProto;
import nn.onnx.proto.Onnx.ValueInfoProto;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an ONNX graph into nn operations ({@link NnNode}s in the graph's order). Each ONNX node
 * becomes one nn node, except Constant (folded into the nodes that read it) and the Greater +
 * Cast pair that is nn's `step`. Every node that cannot be converted is collected, and all of
 * them are reported in one error.
 */
final class OnnxGraphReader {
    /** The result: one input, nn nodes in order, outputs, and what a caller must feed the model. */
    record Result(String input, Shape inputShape, List<NnNode> nodes, List<String> outputs, ModelSignature signature) {
    }

    /** Far above the images nn trains on (a 3 x 1024 x 1024 picture is 3.1 M). */
    static final long MAX_INPUT_VALUES = 1L << 24;

    private final String file;
    private final GraphProto graph;
    private final Map<String, TensorProto> constants = new HashMap<>();
    /** ONNX value name to the nn node (or input) that computes it. */
    private final Map<String, String> values = new HashMap<>();
    /** Rank of every value including the batch axis, for Softmax's and Concat's axes. */
    private final Map<String, Integer> ranks = new HashMap<>();
    private final Map<String, Integer> readers = new HashMap<>();
    /** Greater nodes awaiting their Cast: ONNX output name to threshold. */
    private final Map<String, Float> pendingSteps = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    /** GlobalAveragePool outputs whose only reader is a Flatten: the pair is one global_avgpool. */
    private final Set<String> pooledAndFlattened = new HashSet<>();
    private final Set<String> reserved;
    private final List<NnNode> nodes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private OnnxGraphReader(String file, GraphProto graph, Set<String> reserved) {
        this.file = file;
        this.graph = graph;
        this.reserved = reserved;
    }

    /** `reserved` are names an nn node may not take (the registry's operations, the language's words). */
    static Result read(String file, ModelProto model, Set<String> reserved) {
        checkOpset(file, model);
        return new OnnxGraphReader(file, model.getGraph(), reserved).convert(model);
    }

    private static void checkOpset(String file, ModelProto model) {
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            if (opset.getDomain().isEmpty() || opset.getDomain().equals("ai.onnx")) {
                long v = opset.getVersion();
                if (v < OnnxFormat.MIN_IMPORT_OPSET || v > OnnxFormat.MAX_IMPORT_OPSET) {
                    throw new OnnxException(file + ": opset " + v + "; nn imports opsets " + OnnxFormat.MIN_IMPORT_OPSET
                            + " to " + OnnxFormat.MAX_IMPORT_OPSET + " (re-export with e.g. opset_version=17)");
                }
                return;
            }
        }
        throw new OnnxException(file + ": the model imports no opset of the default ONNX domain");
    }

    private Result convert(ModelProto model) {
        for (TensorProto t : graph.getInitializerList()) constants.put(t.getName(), t);
        for (NodeProto n : graph.getNodeList()) for (String in : n.getInputList()) readers.merge(in, 1, Integer::sum);
        for (ValueInfoProto o : graph.getOutputList()) readers.merge(o.getName(), 1, Integer::sum);

        List<ValueInfoProto> inputs = graph.getInputList().stream().filter(i -> !constants.containsKey(i.getName())).toList();
        if (inputs.size() != 1) {
            throw new OnnxException(file + ": the graph has " + inputs.size() + " inputs; nn models read one");
        }
        ValueInfoProto in = inputs.get(0);
        String input = unique(in.getName());
        Shape shape = inputShape(in);
        values.put(in.getName(), input);
        ranks.put(in.getName(), shape.rank() + 1);

        for (NodeProto n : graph.getNodeList()) {
            try {
                node(n);
            } catch (OnnxException e) {
                problems.add(describe(n) + ": " + e.getMessage());
            }
        }
        List<String> outputs = new ArrayList<>();
        for (ValueInfoProto o : graph.getOutputList()) {
            String name = values.get(o.getName());
            // an output lost to a failed node is that node's problem, already listed
            if ((name == null || name.equals(input)) && problems.isEmpty()) {
                problems.add("output '" + o.getName() + "' is not computed by a node nn imports");
            } else {
                outputs.add(name);
            }
        }
        if (!problems.isEmpty()) {
            throw new OnnxException(file + ": cannot import " + problems.size() + " node" + (problems.size() == 1 ? "" : "s")
                    + ": " + String.join("; ", problems));
        }
        return new Result(input, shape, nodes, outputs, signature(model, shape));
    }

    private Shape inputShape(ValueInfoProto in) {
        if (!in.getType().hasTensorType() || in.getType().getTensorType().getElemType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new OnnxException(file + ": input '" + in.getName() + "' is not a float tensor");
        }
        List<TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
        if (dims.size() < 2) throw new OnnxException(file + ": input '" + in.getName() + "' needs a batch axis and one more");
        int[] shape = new int[dims.size() - 1];
        for (int i = 1; i < dims.size(); i++) {
            TensorShapeProto.Dimension d = dims.get(i);
            if (!d.hasDimValue() || d.getDimValue() <= 0 || d.getDimValue() > Tensors.MAX_ELEMENTS) {
                throw new OnnxException(file + ": input '" + in.getName() + "' axis " + i + " is "
                        + (d.hasDimParam() ? "'" + d.getDimParam() + "'" : "unknown") + "; nn needs every axis but the batch fixed");
            }
            shape[i - 1] = (int) d.getDimValue();
        }
        Shape result = Shape.of(shape);
        // one example's values; every buffer nn allocates for a batch is a multiple of layer sizes like this
        if (result.size() > MAX_INPUT_VALUES) {
            throw new OnnxException(file + ": input '" + in.getName() + "' " + result + " holds " + result.size()
                    + " values per example; nn takes at most " + MAX_INPUT_VALUES);
        }
        return result;
    }

    private ModelSignature signature(ModelProto model, Shape shape) {
        Map<String, String> meta = new HashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) meta.put(e.getKey(), e.getValue());
        Normalization normalization = Normalization.NONE;
        if (meta.containsKey(OnnxFormat.META_MEAN) && meta.containsKey(OnnxFormat.META_STD)) {
            try {
                normalization = new Normalization(Double.parseDouble(meta.get(OnnxFormat.META_MEAN)),
                        Double.parseDouble(meta.get(OnnxFormat.META_STD)));
            } catch (IllegalArgumentException e) {
                throw new OnnxException(file + ": metadata " + OnnxFormat.META_MEAN + "/" + OnnxFormat.META_STD + " is not a normalisation: " + e.getMessage());
            }
        }
        List<String> classes = meta.containsKey(OnnxFormat.META_CLASSES)
                ? Arrays.asList(meta.get(OnnxFormat.META_CLASSES).split(",", -1)) : List.of();
        return new ModelSignature(shape.dims(), normalization, classes);
    }

    private void node(NodeProto n) {
        String op = n.getOpType();
        if (!n.getDomain().isEmpty() && !n.getDomain().equals("ai.onnx")) throw new OnnxException("domain '" + n.getDomain() + "' is not ONNX's");
        switch (op) {
            case "Constant" -> {
                AttributeProto value = attribute(n, "value");
                if (value == null || !value.hasT()) throw new OnnxException("only tensor constants are supported");
                constants.put(n.getOutput(0), value.getT().toBuilder().setName(n.getOutput(0)).build());
            }
            case "Gemm" -> gemm(n);
            case "MatMul" -> {
                TensorProto b = constant(n, 1);
                INDArray w = Tensors.toArray(b);
                if (w.rank() != 2) throw new OnnxException("weights of rank " + w.rank() + "; expected [in, out]");
                requireRank(n, 2);
                add(n, "dense", args("units", (int) w.size(1), "bias", false), Map.of("W", w), Map.of(), 2);
            }
            case "Conv" -> conv(n);
            case "MaxPool", "AveragePool" -> pool(n);
            case "GlobalAveragePool" -> {
                requireRank(n, 4);
                if (flattenedNext(n)) {
                    // GlobalAveragePool + Flatten is exactly nn's global_avgpool (and how nn exports it)
                    add(n, "global_avgpool", args(), Map.of(), Map.of(), 2);
                    pooledAndFlattened.add(n.getOutput(0));
                    return;
                }
                // nn's global_avgpool drops the 1x1 axes ONNX keeps: put them back, so what follows sees ONNX's shape.
                String pooled = unique(n.getName().isEmpty() ? "global_avgpool" : n.getName() + "_pool");
                nodes.add(new NnNode(pooled, "global_avgpool", List.of(source(n, 0)), new LinkedHashMap<>(), Map.of(), Map.of()));
                addNamed(n, "reshape", List.of(pooled), args("shape", List.of(-1, 1, 1)), Map.of(), Map.of(), 4);
            }
            case "BatchNormalization" -> batchNorm(n);
            case "Dropout" -> {
                float ratio = n.getInputCount() > 1 && !n.getInput(1).isEmpty() ? Tensors.toScalar(constant(n, 1)) : 0.5f;
                if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                    TensorProto mode = constant(n, 2);
                    if (mode.getInt32DataCount() > 0 && mode.getInt32Data(0) != 0
                            || !mode.getRawData().isEmpty() && mode.getRawData().byteAt(0) != 0) {
                        throw new OnnxException("training_mode is on; nn imports inference graphs");
                    }
                }
                add(n, "dropout", args("rate", (double) ratio), Map.of(), Map.of(), rank(n, 0));
            }
            case "Flatten" -> {
                long axis = intAttr(n, "axis", 1);
                if (pooledAndFlattened.contains(n.getInput(0)) && axis == 1) {
                    values.put(n.getOutput(0), values.get(n.getInput(0)));
                    ranks.put(n.getOutput(0), 2);
                    return;
                }
                if (axis != 1) throw new OnnxException("axis " + axis + "; nn flattens everything after the batch (axis 1)");
                add(n, "flatten", args(), Map.of(), Map.of(), 2);
            }
            case "Reshape" -> reshape(n);
            case "Add", "Sum" -> {
                for (int i = 0; i < n.getInputCount(); i++) {
                    if (constants.containsKey(n.getInput(i))) throw new OnnxException("adds a constant; nn adds node outputs only");
                }
                merge(n, "add", args());
            }
            case "Concat" -> {
                long axis = intAttr(n, "axis", 1);
                int rank = rank(n, 0);
                if (axis < 0) axis += rank;
                if (axis < 1) throw new OnnxException("axis " + axis + " is the batch axis");
                merge(n, "concat", args("axis", (int) axis - 1));
            }
            case "Relu" -> activation(n, "relu", args());
            case "Sigmoid" -> activation(n, "sigmoid", args());
            case "Tanh" -> activation(n, "tanh", args());
            case "Identity" -> activation(n, "identity", args());
            case "LeakyRelu" -> activation(n, "leaky_relu", args("alpha", (double) floatAttr(n, "alpha", 0.01f)));
            case "Elu" -> activation(n, "elu", args("alpha", (double) floatAttr(n, "alpha", 1f)));
            case "Softmax" -> {
                long axis = intAttr(n, "axis", -1);
                if (axis != -1 && axis != rank(n, 0) - 1) throw new OnnxException("axis " + axis + "; nn's softmax is over the last axis");
                activation(n, "softmax", args());
            }
            case "Greater" -> {
                float threshold = Tensors.toScalar(constant(n, 1));
                if (readers.getOrDefault(n.getOutput(0), 0) != 1) throw new OnnxException("nn imports Greater only as step's Greater + Cast");
                source(n, 0);
                pendingSteps.put(n.getOutput(0), threshold);
                values.put(n.getOutput(0), null);
                ranks.put(n.getOutput(0), rank(n, 0));
            }
            case "Cast" -> {
                Float threshold = pendingSteps.remove(n.getInput(0));
                if (threshold == null || intAttr(n, "to", 0) != TensorProto.DataType.FLOAT_VALUE) {
                    throw new OnnxException("nn imports Cast only as step's Greater + Cast to FLOAT");
                }
                NodeProto greater = graph.getNodeList().stream().filter(g -> g.getOutputCount() > 0 && g.getOutput(0).equals(n.getInput(0))).findFirst().orElseThrow();
                addNamed(n, "step", List.of(values.get(greater.getInput(0))), args("threshold", (double) threshold), Map.of(), Map.of(), rank(n, 0));
            }
            default -> throw new OnnxException("operator " + op + " is not supported");
        }
    }

    private boolean flattenedNext(NodeProto pool) {
        String out = pool.getOutput(0);
        if (readers.getOrDefault(out, 0) != 1) return false;
        return graph.getNodeList().stream().anyMatch(r -> r.getOpType().equals("Flatten") && r.getInputCount() == 1
                && r.getInput(0).equals(out) && intAttr(r, "axis", 1) == 1);
    }

    private void gemm(NodeProto n) {
        if (floatAttr(n, "alpha", 1f) != 1f || floatAttr(n, "beta", 1f) != 1f || intAttr(n, "transA", 0) != 0) {
            throw new OnnxException("only alpha = 1, beta = 1, transA = 0 map onto dense");
        }
        requireRank(n, 2);
        INDArray b = Tensors.toArray(constant(n, 1));
        if (b.rank() != 2) throw new OnnxException("weights of rank " + b.rank());
        INDArray w = intAttr(n, "transB", 0) == 1 ? b.transpose().dup('c') : b;
        int units = (int) w.size(1);
        Map<String, INDArray> params = new HashMap<>();
        params.put("W", w);
        boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        if (bias) {
            INDArray c = Tensors.toArray(constant(n, 2));
            if (c.length() != units) throw new OnnxException("bias of " + c.length() + " values for " + units + " units");
            params.put("b", c.reshape(units));
        }
        add(n, "dense", args("units", units, "bias", bias), params, Map.of(), 2);
    }

    private void conv(NodeProto n) {
        requireRank(n, 4);
        INDArray w = Tensors.toArray(constant(n, 1));
        if (w.rank() != 4) throw new OnnxException("only 2-D convolutions are supported (weights of rank " + w.rank() + ")");
        int k = square(n, "kernel_shape", new long[]{w.size(2), w.size(3)});
        if (w.size(2) != w.size(3)) throw new OnnxException("kernel " + w.size(2) + "x" + w.size(3) + " is not square");
        int stride = square(n, "strides", new long[]{1, 1});
        int dilation = square(n, "dilations", new long[]{1, 1});
        Object padding = padding(n);
        int groups = (int) intAttr(n, "group", 1);
        Map<String, INDArray> params = new HashMap<>();
        params.put("W", w);
        boolean bias = n.getInputCount() > 2 && !n.getInput(2).isEmpty();
        if (bias) params.put("b", Tensors.toArray(constant(n, 2)).reshape(w.size(0)));
        add(n, "conv2d", args("filters", (int) w.size(0), "kernel", k, "stride", stride, "padding", padding,
                "dilation", dilation, "groups", groups, "bias", bias), params, Map.of(), 4);
    }

    private void pool(NodeProto n) {
        requireRank(n, 4);
        AttributeProto shape = attribute(n, "kernel_shape");
        if (shape == null) throw new OnnxException("no kernel_shape");
        int k = square(n, "kernel_shape", null);
        int stride = square(n, "strides", new long[]{1, 1});
        if (square(n, "dilations", new long[]{1, 1}) != 1) throw new OnnxException("dilated pooling is not supported");
        if (intAttr(n, "ceil_mode", 0) != 0) throw new OnnxException("ceil_mode = 1 is not supported");
        if (n.getOutputCount() > 1 && readers.getOrDefault(n.getOutput(1), 0) > 0) throw new OnnxException("the indices output is not supported");
        Object padding = padding(n);
        boolean average = n.getOpType().equals("AveragePool");
        if (average && !padding.equals(0) && intAttr(n, "count_include_pad", 0) != 1) {
            throw new OnnxException("padded average pooling without count_include_pad = 1; nn counts padding");
        }
        add(n, average ? "avgpool2d" : "maxpool2d", args("kernel", k, "stride", stride, "padding", padding), Map.of(), Map.of(), 4);
    }

    private void batchNorm(NodeProto n) {
        if (intAttr(n, "training_mode", 0) != 0) throw new OnnxException("training_mode is on");
        int rank = rank(n, 0);
        if (rank != 2 && rank != 4) throw new OnnxException("input of rank " + rank + "; nn normalises [N, features] or [N, C, H, W]");
        Map<String, INDArray> params = Map.of("gamma", vector(n, 1), "beta", vector(n, 2));
        Map<String, INDArray> state = Map.of("running_mean", vector(n, 3), "running_var", vector(n, 4));
        double momentum = 1 - floatAttr(n, "momentum", 0.9f);
        add(n, "batchnorm", args("momentum", round(momentum), "eps", (double) floatAttr(n, "epsilon", 1e-5f)), params, state, rank);
    }

    private void reshape(NodeProto n) {
        long[] shape = Tensors.toLongs(constant(n, 1));
        if (shape.length < 2 || (shape[0] != 0 && shape[0] != -1)) {
            throw new OnnxException("target shape " + Arrays.toString(shape) + " does not keep the batch axis first (0 or -1)");
        }
        List<Integer> dims = new ArrayList<>();
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] == 0 || shape[i] < -1 || (shape[i] == -1 && shape[0] == -1)) {
                throw new OnnxException("target shape " + Arrays.toString(shape) + " is not one nn can express");
            }
            dims.add((int) shape[i]);
        }
        add(n, "reshape", args("shape", dims), Map.of(), Map.of(), shape.length);
    }

    /** ONNX pads [top, left, bottom, right] (or auto_pad) as nn's padding: a number, or "same". */
    private Object padding(NodeProto n) {
        AttributeProto auto = attribute(n, "auto_pad");
        String autoPad = auto == null ? "NOTSET" : auto.getS().toStringUtf8();
        if (autoPad.equals("SAME_UPPER")) return "same";
        if (autoPad.equals("VALID")) return 0;
        if (!autoPad.equals("NOTSET")) throw new OnnxException("auto_pad " + autoPad + " is not supported");
        AttributeProto pads = attribute(n, "pads");
        if (pads == null) return 0;
        List<Long> p = pads.getIntsList();
        if (p.size() != 4 || p.stream().distinct().count() != 1) {
            throw new OnnxException("pads " + p + " are not the same on every side; nn pads symmetrically");
        }
        return p.get(0).intValue();
    }

    /** An attribute holding the same value for height and width. */
    private static int square(NodeProto n, String name, long[] fallback) {
        AttributeProto a = attribute(n, name);
        List<Long> v = a == null ? (fallback == null ? List.of() : List.of(fallback[0], fallback[1])) : a.getIntsList();
        if (v.size() != 2 || !v.get(0).equals(v.get(1))) throw new OnnxException(name + " " + v + " differ for height and width");
        if (v.get(0) < 1 || v.get(0) > 1 << 16) throw new OnnxException(name + " " + v + " is out of range");
        return v.get(0).intValue();
    }

    private INDArray vector(NodeProto n, int input) {
        INDArray v = Tensors.toArray(constant(n, input));
        return v.reshape(v.length());
    }

    private void activation(NodeProto n, String op, LinkedHashMap<String, Object> args) {
        add(n, op, args, Map.of(), Map.of(), rank(n, 0));
    }

    private void merge(NodeProto n, String op, LinkedHashMap<String, Object> args) {
        List<String> in = new ArrayList<>();
        for (int i = 0; i < n.getInputCount(); i++) in.add(source(n, i));
        addNamed(n, op, in, args, Map.of(), Map.of(), rank(n, 0));
    }

    private void add(NodeProto n, String op, LinkedHashMap<String, Object> args, Map<String, INDArray> params,
                     Map<String, INDArray> state, int rank) {
        addNamed(n, op, List.of(source(n, 0)), args, params, state, rank);
    }

    private void addNamed(NodeProto n, String op, List<String> inputs, LinkedHashMap<String, Object> args,
                          Map<String, INDArray> params, Map<String, INDArray> state, int rank) {
        // A model output keeps the output's name (`logits`); other nodes take the ONNX node's (`/fc1/Gemm`).
        boolean output = graph.getOutputList().stream().anyMatch(o -> o.getName().equals(n.getOutput(0)));
        String name = unique(output || n.getName().isEmpty() ? n.getOutput(0) : n.getName());
        nodes.add(new NnNode(name, op, inputs, args, params, state));
        values.put(n.getOutput(0), name);
        ranks.put(n.getOutput(0), rank);
    }

    /** The nn node that computes the node's input'th input. */
    private String source(NodeProto n, int input) {
        if (input >= n.getInputCount()) throw new OnnxException("input " + (input + 1) + " is missing");
        String name = n.getInput(input);
        if (!values.containsKey(name)) {
            throw new OnnxException(constants.containsKey(name) ? "input '" + name + "' is a constant where nn expects a node's output"
                    : "input '" + name + "' comes from a node nn could not import");
        }
        String source = values.get(name);
        if (source == null) throw new OnnxException("input '" + name + "' is read by something other than step's Cast");
        return source;
    }

    private TensorProto constant(NodeProto n, int input) {
        if (input >= n.getInputCount() || n.getInput(input).isEmpty()) throw new OnnxException("input " + (input + 1) + " is missing");
        TensorProto t = constants.get(n.getInput(input));
        if (t == null) throw new OnnxException("input '" + n.getInput(input) + "' is not a constant (initializer); nn needs fixed weights");
        return t;
    }

    private int rank(NodeProto n, int input) {
        if (input >= n.getInputCount()) throw new OnnxException("input " + (input + 1) + " is missing");
        Integer r = ranks.get(n.getInput(input));
        if (r == null) throw new OnnxException("input '" + n.getInput(input) + "' comes from a node nn could not import");
        return r;
    }

    private void requireRank(NodeProto n, int rank) {
        int actual = rank(n, 0);
        if (actual != rank) throw new OnnxException("input of rank " + actual + "; expected " + rank + " (with the batch axis)");
    }

    private static AttributeProto attribute(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) if (a.getName().equals(name)) return a;
        return null;
    }

    private static long intAttr(NodeProto n, String name, long fallback) {
        AttributeProto a = attribute(n, name);
        return a == null ? fallback : a.getI();
    }

    private static float floatAttr(NodeProto n, String name, float fallback) {
        AttributeProto a = attribute(n, name);
        return a == null ? fallback : a.getF();
    }

    /** 1 - 0.9f is 0.100000024 in floats: nn's momentum back to the decimal it was written as. */
    private static double round(double value) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", value));
    }

    private static LinkedHashMap<String, Object> args(Object... pairs) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    private static String describe(NodeProto n) {
        return "node '" + (n.getName().isEmpty() ? n.getOutputCount() > 0 ? n.getOutput(0) : "?" : n.getName()) + "' (" + n.getOpType() + ")";
    }

    /** A valid, unused nn name from an ONNX one: `/fc1/Gemm` becomes `fc1_Gemm`, `input.1` `input_1`. */
    private String unique(String onnxName) {
        String base = onnxName.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (base.isEmpty()) base = "node";
        if (Character.isDigit(base.charAt(0))) base = "n" + base;
        if (reserved.contains(base)) base = base + "_";
        String name = base;
        for (int i = 2; names.contains(name) || reserved.contains(name); i++) name = base + "_" + i;
        names.add(name);
        return name;
    }
}
