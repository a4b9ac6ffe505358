package nn.stdlib;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static nn.stdlib.StdlibCalls.args;
import static nn.stdlib.StdlibCalls.bindingProblems;
import static nn.stdlib.StdlibCalls.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shape rules and parameter schemas of the image layers, reshape, dropout and batchnorm; no native code. */
class ConvolutionShapesTest {

    static Shape shape(String op, Shape input, Map<String, Object> named) throws ShapeException {
        return layer(op).outputShape(input, args(op, named));
    }

    static void assertShapeError(String op, Shape input, Map<String, Object> named, String... fragments) {
        ShapeException e = assertThrows(ShapeException.class, () -> shape(op, input, named));
        for (String f : fragments) assertTrue(e.getMessage().contains(f), e.getMessage());
    }

    @Test
    void conv2dOutputSizes() throws ShapeException {
        assertEquals(Shape.of(32, 26, 26), shape("conv2d", Shape.of(1, 28, 28), Map.of("filters", 32)));
        assertEquals(Shape.of(32, 28, 28), shape("conv2d", Shape.of(1, 28, 28), Map.of("filters", 32, "padding", 1)));
        assertEquals(Shape.of(8, 28, 28), shape("conv2d", Shape.of(3, 28, 28), Map.of("filters", 8, "kernel", 5, "padding", "same")));
        assertEquals(Shape.of(8, 4, 4), shape("conv2d", Shape.of(3, 7, 7), Map.of("filters", 8, "stride", 2, "padding", "same")));
        assertEquals(Shape.of(4, 3, 3), shape("conv2d", Shape.of(2, 7, 7), Map.of("filters", 4, "dilation", 2)));
        assertEquals(Shape.of(4, 4, 4), shape("conv2d", Shape.of(2, 9, 9), Map.of("filters", 4, "stride", 2)));
    }

    @Test
    void conv2dShapeErrorsSayWhatWasExpected() {
        assertShapeError("conv2d", Shape.of(784), Map.of("filters", 4), "expects an image [channels, height, width]",
                "got [784]");
        assertShapeError("conv2d", Shape.of(28, 28), Map.of("filters", 4), "reshape(shape = [1, 28, 28])");
        assertShapeError("conv2d", Shape.of(1, 3, 3), Map.of("filters", 4, "kernel", 5), "kernel spans 5",
                "[1, 3, 3]", "expected height and width + 2 * padding >= 5");
        assertShapeError("conv2d", Shape.of(3, 8, 8), Map.of("filters", 4, "groups", 2),
                "groups = 2 must divide both the input channels (3");
    }

    @Test
    void poolingOutputSizes() throws ShapeException {
        assertEquals(Shape.of(32, 14, 14), shape("maxpool2d", Shape.of(32, 28, 28), Map.of()));
        assertEquals(Shape.of(3, 3, 3), shape("maxpool2d", Shape.of(3, 7, 7), Map.of()), "stride defaults to the kernel");
        assertEquals(Shape.of(3, 3, 3), shape("avgpool2d", Shape.of(3, 5, 5), Map.of("kernel", 3, "stride", 1)));
        assertEquals(Shape.of(3, 4, 4), shape("avgpool2d", Shape.of(3, 7, 7), Map.of("padding", "same")));
        assertEquals(Shape.of(3, 4, 4), shape("maxpool2d", Shape.of(3, 7, 7), Map.of("kernel", 3, "stride", 2, "padding", 1)));
        assertEquals(Shape.of(16), shape("global_avgpool", Shape.of(16, 7, 7), Map.of()));
    }

    @Test
    void poolingShapeErrors() {
        assertShapeError("maxpool2d", Shape.of(3, 7, 7), Map.of("kernel", 2, "padding", 2),
                "padding 2 is more than half the kernel (2)", "expected padding <= 1");
        assertShapeError("avgpool2d", Shape.of(3, 1, 1), Map.of("kernel", 3), "kernel spans 3");
        assertShapeError("global_avgpool", Shape.of(16), Map.of(), "expects an image", "got [16]");
    }

    @Test
    void reshapeTargets() throws ShapeException {
        assertEquals(Shape.of(1, 28, 28), shape("reshape", Shape.of(784), Map.of("shape", List.of(1, 28, 28))));
        assertEquals(Shape.of(64, 7, 7), shape("reshape", Shape.of(3136), Map.of("shape", List.of(-1, 7, 7))));
        assertEquals(Shape.of(3136), shape("reshape", Shape.of(64, 7, 7), Map.of("shape", List.of(-1))));
        assertShapeError("reshape", Shape.of(784), Map.of("shape", List.of(2, 2)),
                "[784] has 784 values but [2, 2] holds 4");
        assertShapeError("reshape", Shape.of(10), Map.of("shape", List.of(-1, 3)), "10 is not a multiple of 3");
        assertShapeError("reshape", Shape.of(12), Map.of("shape", List.of(-1, -1)), "more than one -1");
        assertShapeError("reshape", Shape.of(12), Map.of("shape", List.of(0, 12)), "expected positive ints");
        assertShapeError("reshape", Shape.of(12), Map.of("shape", List.of(2.5, 12)), "expected positive ints");
    }

    @Test
    void batchnormAcceptsFeaturesAndImagesOnly() throws ShapeException {
        assertEquals(Shape.of(5), shape("batchnorm", Shape.of(5), Map.of()));
        assertEquals(Shape.of(3, 4, 4), shape("batchnorm", Shape.of(3, 4, 4), Map.of()));
        assertShapeError("batchnorm", Shape.of(3, 4), Map.of(), "expects [features] or [channels, height, width]",
                "got [3, 4]");
    }

    @Test
    void paddingIsAnIntOrSame() {
        assertEquals(List.of(), bindingProblems("conv2d", List.of(32), Map.of("padding", 1)));
        assertEquals(List.of(), bindingProblems("conv2d", List.of(32), Map.of("padding", "same")));
        assertEquals(List.of("'padding' is \"valid\", expected an int or \"same\""),
                bindingProblems("conv2d", List.of(32), Map.of("padding", "valid")));
        assertEquals(List.of("'padding' must be an int or string, not a float"),
                bindingProblems("maxpool2d", List.of(), Map.of("padding", 1.5)));
        assertTrue(bindingProblems("conv2d", List.of(32), Map.of("padding", -1)).get(0).contains("out of range"));
        assertEquals("padding: int >= 0 or \"same\" = 0",
                StdlibCalls.REGISTRY.layers().get("conv2d").schema().find("padding").signature());
    }

    @Test
    void parameterRanges() {
        assertTrue(bindingProblems("conv2d", List.of(0), Map.of()).get(0).contains("'filters' is 0, out of range"));
        assertTrue(bindingProblems("conv2d", List.of(8), Map.of("stride", 0)).get(0).contains("out of range"));
        assertTrue(bindingProblems("dropout", List.of(1.5), Map.of()).get(0).contains("'rate' is 1.5, out of range"));
        assertTrue(bindingProblems("batchnorm", List.of(), Map.of("eps", -1.0)).get(0).contains("out of range"));
        assertEquals(List.of("missing required parameter 'shape'"), bindingProblems("reshape", List.of(), Map.of()));
    }
}
