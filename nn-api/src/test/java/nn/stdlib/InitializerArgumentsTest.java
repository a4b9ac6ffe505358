package nn.stdlib;

import nn.api.registry.Registry;
import nn.api.runtime.Init;
import nn.api.runtime.Initializers;
import nn.api.runtime.ParamSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Initialisers take arguments through their schema: a parameter can start at constant(0.25) or normal(std = 0.02). */
class InitializerArgumentsTest {
    private static final Registry REGISTRY = Registry.load();

    @Test
    void theTextFormReadsBackToTheSameInit() {
        assertEquals(new Init("normal", List.of(), Map.of("std", 0.02, "mean", 1L)), Init.parse("normal(std = 0.02, mean = 1)"));
        assertEquals(Init.constant(0.25), Init.parse(" constant( 0.25 ) "));
        assertEquals(Init.of("he"), Init.parse("he"));
        for (String text : new String[]{"he", "constant(0.25)", "normal(0.5, mean = -1.0)", "x(true, s = \"a\")"}) {
            assertEquals(text, Init.parse(text).toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Init.parse("normal(0.02"));
        assertThrows(IllegalArgumentException.class, () -> Init.parse("normal(std = 1, 2)"));
        assertThrows(IllegalArgumentException.class, () -> Init.parse("Normal"));
    }

    @Test
    void constantNormalAndUniformUseTheirArguments() {
        assertArrayEquals(new double[]{0.25, 0.25, 0.25}, values("constant(0.25)", 3), 0);
        double[] normal = values("normal(std = 0.02, mean = 3)", 20_000);
        double mean = java.util.Arrays.stream(normal).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(normal).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        assertEquals(3, mean, 1e-3);
        assertEquals(0.02, sd, 1e-3);
        double[] uniform = values("uniform(0.1)", 20_000);
        assertTrue(java.util.Arrays.stream(uniform).allMatch(v -> Math.abs(v) <= 0.1));
        assertTrue(java.util.Arrays.stream(uniform).max().orElseThrow() > 0.099);
        assertEquals(0.01, sdOf(values("normal", 20_000)), 1e-3, "normal's default std");
    }

    @Test
    void argumentsAreCheckedAgainstTheInitialisersSchema() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> values("normal(std = -1)", 3));
        assertTrue(e.getMessage().contains("initialiser normal(std = -1) for parameter p") && e.getMessage().contains("std"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> values("constant", 3));
        assertTrue(e.getMessage().contains("missing required parameter 'value'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> values("constant(0.1, 0.2)", 3));
        assertTrue(e.getMessage().contains("too many arguments"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> values("gaussian(1)", 3));
        assertTrue(e.getMessage().contains("unknown initialiser 'gaussian'"), e.getMessage());
    }

    private static double[] values(String init, int count) {
        ParamSpec spec = new ParamSpec("p", new long[]{count}, count, count, init);
        return Initializers.resolve(REGISTRY, spec).values(count, count, count, new Random(1));
    }

    private static double sdOf(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow());
    }
}
