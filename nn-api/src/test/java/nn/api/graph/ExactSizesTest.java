package nn.api.graph;

import nn.api.network.ModelSummary;
import nn.api.shapes.ShapeInference;
import nn.api.registry.Registry;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.train.MemoryEstimate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sizes are counted exactly: shapes past the tensor cap are refused, shape rules do not wrap
 * (concat, padding), long arguments are not truncated, and the memory estimate adds up.
 * No native code: nothing here allocates.
 */
class ExactSizesTest {
    private static Registry registry;

    @BeforeAll
    static void load() {
        registry = Registry.load();
    }

    private static ShapeInference.Result infer(List<GraphInput> inputs, Node... nodes) {
        return ShapeInference.run(new Graph("m", inputs, List.of(nodes), List.of(nodes[nodes.length - 1].name()), null),
                registry);
    }

    private static String onlyFailure(ShapeInference.Result r) {
        assertEquals(1, r.failures().size(), r.failures().toString());
        return r.failures().get(0).message();
    }

    @Test
    void aShapeWhoseProductWrapsIsRefused() {
        // 784 * (2^64 - 1)^2 is 784 modulo 2^64: flatten() made [784] of it.
        Shape.TooLarge e = assertThrows(Shape.TooLarge.class, () -> Shape.of(1, 28, 28, 3, 5, 17, 257, 65537, 641,
                6700417, 3, 5, 17, 257, 65537, 641, 6700417));
        assertTrue(e.getMessage().contains("holds over 9.2e18 values; one tensor may hold at most 2,147,483,647"),
                e.getMessage());
        assertThrows(Shape.TooLarge.class, () -> Shape.of(65536, 32768));
        assertEquals(Integer.MAX_VALUE, Shape.of(Integer.MAX_VALUE).size());
    }

    @Test
    void saturatingCountsNeverWrap() {
        assertEquals(Long.MAX_VALUE, TensorSize.elements(1L << 32, 1L << 32));
        assertEquals(Long.MAX_VALUE, TensorSize.multiply(Long.MAX_VALUE / 2 + 1, 2));
        assertEquals(Long.MAX_VALUE, TensorSize.add(Long.MAX_VALUE, 1));
        assertEquals(6L, TensorSize.elements(1, 2, 3));
        assertNull(TensorSize.tooLarge("x", Integer.MAX_VALUE));
    }

    @Test
    void concatSumsDimensionsWithoutWrapping() {
        GraphInput a = new GraphInput("a", Shape.of(Integer.MAX_VALUE));
        // Three times 2^31 - 1 wraps to the positive 2147483645 in int arithmetic.
        String message = onlyFailure(infer(List.of(a), new Node("c", "concat", List.of("a", "a", "a"), Map.of("axis", 0))));
        assertTrue(message.contains("concat: axis 0 of the output would be 6,442,450,941"), message);
    }

    @Test
    void paddingDoesNotOverflow() {
        GraphInput image = new GraphInput("image", Shape.of(1, 28, 28));
        // 28 + 2 * (2^31 - 1) wraps to 26 in int arithmetic: a silent [8, 24, 24].
        String message = onlyFailure(infer(List.of(image), new Node("c", "conv2d", List.of("image"),
                conv(Integer.MAX_VALUE))));
        assertTrue(message.contains("the output height would be 4,294,967,320"), message);
    }

    private static Map<String, Object> conv(int padding) {
        return Map.of("filters", 8, "kernel", 3, "stride", 1, "padding", padding, "dilation", 1, "groups", 1,
                "bias", true, "init", "he");
    }

    @Test
    void aParameterTensorPastTheCapIsAShapeFailure() {
        GraphInput x = new GraphInput("x", Shape.of(784));
        String message = onlyFailure(infer(List.of(x), new Node("d", "dense", List.of("x"),
                Map.of("units", Integer.MAX_VALUE, "bias", true, "init", "xavier"))));
        assertTrue(message.startsWith("dense: its parameter W [784, 2147483647] holds 1,683,627,179,248 values"), message);
    }

    @Test
    void aLongArgumentIsNotTruncatedToAnInt() {
        Schema schema = Schema.of(Param.optional("padding", ParamType.INT_OR_STRING, 0, "zeros").oneOf("same"),
                Param.optional("units", ParamType.INT, 1, "outputs"));
        List<String> problems = new ArrayList<>();
        Map<String, Object> bound = schema.bind(List.of(), Map.of("padding", 4_294_967_297L, "units", 4_294_967_306L),
                (where, message, hint) -> problems.add(where.name() + ": " + message)).asMap();
        assertTrue(problems.contains("padding: 'padding' is 4294967297, too large for an int"), problems.toString());
        assertTrue(problems.contains("units: 'units' is 4294967306, too large for an int"), problems.toString());
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(0, bound.get("padding"), "a rejected argument leaves the default, as any rejected one; never 1");
        assertNull(ParamType.INT.coerce(4_294_967_297L), "4294967297 is not the int 1");
        assertEquals(7, ParamType.INT.coerce(7L));
    }

    @Test
    void theMemoryEstimateOfTheLectureMlp() {
        GraphInput image = new GraphInput("image", Shape.of(1, 28, 28));
        List<Node> nodes = List.of(
                new Node("flat", "flatten", List.of("image"), Map.of()),
                new Node("h", "dense", List.of("flat"), Map.of("units", 128, "bias", true, "init", "xavier")),
                new Node("a", "relu", List.of("h"), Map.of()),
                new Node("logits", "dense", List.of("a"), Map.of("units", 10, "bias", true, "init", "xavier")));
        TrainSpec train = new TrainSpec(null, null, new Call("adam", Map.of()), TrainSettings.builder()
                .set(TrainSettings.BATCH, 64).set(TrainSettings.BACKEND, "cpu").set(TrainSettings.THREADS, 1).build());
        Graph graph = new Graph("mlp", List.of(image), nodes, List.of("logits"), train);
        Map<String, Shape> shapes = ShapeInference.run(graph, registry).shapes();
        MemoryEstimate m = MemoryEstimate.of(ModelSummary.rows(graph, shapes, registry), train, registry);

        long parameters = 784 * 128 + 128 + 128 * 10 + 10;
        assertEquals(parameters, m.parameters());
        assertEquals(2, m.optimizerSlots(), "Adam keeps two moments");
        assertEquals(parameters * 4, m.parameterBytes());
        assertEquals(parameters * 4 * (2 + 2), m.optimizerBytes(), "two moments and two staging copies");
        long values = 784 + 784 + 128 + 128 + 10; // the input and every node's output
        assertEquals(values * 8, m.activationBytesPerExample(), "outputs and their gradients, float32");
        assertEquals(values * 8 * 64, m.activationBytesPerBatch());
        assertEquals(values * 4 * 1000, m.activationBytesPerEvaluationBatch());
        assertEquals(parameters * 4 * 2 + values * 8 * 64 + values * 4 * 1000 + parameters * 16, m.totalBytes());
        assertEquals("1.8 MB", MemoryEstimate.format(1_750_176));
        assertEquals("over 9.2 EB", MemoryEstimate.format(Long.MAX_VALUE));
    }

    @Test
    void sgdKeepsOneValuePerParameter() {
        TrainSpec train = new TrainSpec(null, null, new Call("sgd", Map.of("momentum", 0.9)),
                TrainSettings.builder().set(TrainSettings.BACKEND, "cpu").set(TrainSettings.THREADS, 1).build());
        assertEquals(1, MemoryEstimate.of(List.of(), train, registry).optimizerSlots());
    }
}
