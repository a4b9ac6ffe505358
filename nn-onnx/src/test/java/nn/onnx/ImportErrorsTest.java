package nn.onnx;

import nn.onnx.proto.Onnx.GraphProto;
import nn.onnx.proto.Onnx.ModelProto;
import nn.onnx.proto.Onnx.NodeProto;
import nn.onnx.proto.Onnx.OperatorSetIdProto;
import nn.onnx.proto.Onnx.TensorProto;
import nn.onnx.proto.Onnx.TensorShapeProto;
import nn.onnx.proto.Onnx.TypeProto;
import nn.onnx.proto.Onnx.ValueInfoProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models nn cannot import: every unsupported node named in one error; bad files refused before use. */
class ImportErrorsTest {

    @Test
    void everyUnsupportedNodeIsListedAtOnce() {
        GraphProto graph = GraphProto.newBuilder()
                .addInput(value("x", 4))
                .addNode(node("lstm", "LSTM", "x", "h"))
                .addNode(node("r", "Relu", "h", "r"))
                .addNode(node("norm", "LpNormalization", "r", "n"))
                .addNode(node("conv", "Conv", "n", "y").toBuilder().addInput("missing_weights"))
                .addOutput(value("y", 4)).build();
        OnnxException e = assertThrows(OnnxException.class, () -> convert(model(graph, 17)));
        String m = e.getMessage();
        assertTrue(m.startsWith("bad.onnx: cannot import 4 nodes: node 'lstm' (LSTM): operator LSTM is not supported"), m);
        assertTrue(m.contains("node 'norm' (LpNormalization): operator LpNormalization is not supported"), m);
        assertTrue(m.contains("node 'r' (Relu): input 'h' comes from a node nn could not import"), m);
        assertTrue(m.contains("node 'conv' (Conv):"), m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void oldOpsetsAreRefused() {
        GraphProto graph = GraphProto.newBuilder().addInput(value("x", 2)).addNode(node("r", "Relu", "x", "y"))
                .addOutput(value("y", 2)).build();
        OnnxException e = assertThrows(OnnxException.class, () -> convert(model(graph, 9)));
        assertTrue(e.getMessage().contains("opset 9"), e.getMessage());
    }

    @Test
    void aTensorDeclaringMoreThanItHoldsIsRefusedBeforeAllocation() {
        TensorProto huge = TensorProto.newBuilder().setName("w").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1L << 40).addDims(1L << 40).build();
        OnnxException e = assertThrows(OnnxException.class, () -> Tensors.toArray(huge));
        assertTrue(e.getMessage().contains("tensor 'w'"), e.getMessage());
        TensorProto lying = TensorProto.newBuilder().setName("v").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(1000).addFloatData(1f).build();
        assertTrue(assertThrows(OnnxException.class, () -> Tensors.toArray(lying)).getMessage().contains("declares 1000"));
    }

    @Test
    void aFileThatIsNotOnnxIsOneClearError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("junk.onnx");
        Files.writeString(file, "this is not a protobuf message at all \u0000\u00ff");
        OnnxException e = assertThrows(OnnxException.class, () -> OnnxReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not an ONNX model"), e.getMessage());
    }

    private static void convert(ModelProto model) {
        OnnxImporter.convert("bad.onnx", model, new OnnxImporter.Options("bad", null, null), Mnist.REGISTRY);
    }

    private static ModelProto model(GraphProto graph, int opset) {
        return ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
    }

    private static NodeProto node(String name, String op, String in, String out) {
        return NodeProto.newBuilder().setName(name).setOpType(op).addInput(in).addOutput(out).build();
    }

    private static ValueInfoProto value(String name, int rank) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (int i = 1; i < rank; i++) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(8));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
