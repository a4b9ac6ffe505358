package nn.stdlib;

import nn.api.runtime.Schedule;
import nn.api.spi.ScheduleProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScheduleTest {
    static Schedule schedule(String name, Map<String, Object> args, int epochs) {
        ScheduleProvider p = null;
        for (ScheduleProvider s : ServiceLoader.load(ScheduleProvider.class)) if (s.name().equals(name)) p = s;
        return p.create(p.schema().bind(List.of(), args, (w, m, h) -> {
            throw new AssertionError(m);
        }), epochs);
    }

    @Test
    void stepDropsEveryFewEpochs() {
        Schedule s = schedule("step", Map.of("every", 2, "gamma", 0.5), 6);
        assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.25, 0.25), factors(s, 6));
    }

    @Test
    void exponentialDecaysEveryEpoch() {
        assertEquals(List.of(1.0, 0.5, 0.25), factors(schedule("exponential", Map.of("gamma", 0.5), 3), 3));
    }

    @Test
    void cosineRunsFromTheFullRateToTheFloorInTheLastEpoch() {
        Schedule s = schedule("cosine", Map.of("min_factor", 0.1), 5);
        assertEquals(1.0, s.factor(1), 1e-12);
        assertEquals(0.55, s.factor(3), 1e-12); // half way: 0.1 + 0.9 / 2
        assertEquals(0.1, s.factor(5), 1e-12);
    }

    @Test
    void warmupRampsUpLinearlyThenHandsOver() {
        Schedule s = schedule("cosine", Map.of("warmup", 3), 8);
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), factors(s, 4));
        assertEquals(0.0, s.factor(8), 1e-12);
        assertEquals(List.of(0.5, 1.0, 1.0), factors(schedule("constant", Map.of("warmup", 1), 3), 3));
    }

    @Test
    void theStandardSchedulesAreRegistered() {
        List<String> names = ServiceLoader.load(ScheduleProvider.class).stream().map(p -> p.get().name()).sorted().toList();
        assertEquals(List.of("constant", "cosine", "exponential", "step"), names);
    }

    private static List<Double> factors(Schedule s, int epochs) {
        return java.util.stream.IntStream.rangeClosed(1, epochs).mapToObj(s::factor).toList();
    }
}
