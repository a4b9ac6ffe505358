package nn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `nn bench` on the lecture's MLP with a handful of steps on a slice of real MNIST. */
class BenchCommandTest {
    private static final String[] SHORT = {"--steps", "5", "--rounds", "2", "--warmup", "2", "--train-limit", "640",
            "--test-limit", "1000", "--inference-batches", "1", "--backend", "cpu"};

    @Test
    void jsonHasEveryFigureAndEachIsPositive() throws Exception {
        CliRun run = CliRun.of(concat(new String[]{"bench", CliRun.example("mnist-mlp.nn"), "--json"}, SHORT));
        assertEquals(0, run.exitCode(), run.err() + run.out());
        JsonNode all = new ObjectMapper().readTree(run.out());
        assertTrue(all.get("blas").asText().length() > 0, all.toString());
        assertEquals(1, all.get("threads").asInt());
        JsonNode r = all.get("results").get(0);
        assertEquals("mnist_mlp", r.get("model").asText());
        assertEquals(109_386, r.get("parameters").asLong());
        assertEquals(64, r.get("batch").asInt());
        assertEquals(10, r.get("steps_per_epoch").asInt()); // 640 examples in batches of 64
        for (String key : new String[]{"samples_per_second", "epoch_seconds", "step_ms", "step_cpu_ms", "data_ms",
                "forward_ms", "backward_ms", "optimizer_ms", "inference_images_per_second", "peak_rss_mb"}) {
            assertTrue(r.get(key).asDouble() > 0, key + " = " + r.get(key));
        }
        double phases = r.get("data_ms").asDouble() + r.get("forward_ms").asDouble() + r.get("backward_ms").asDouble()
                + r.get("optimizer_ms").asDouble();
        assertTrue(phases <= r.get("step_ms").asDouble() * 1.05, "the phases lie inside the step: " + r);
        assertEquals(r.get("step_ms").asDouble() * 10 / 1000, r.get("epoch_seconds").asDouble(), 1e-9);
        assertTrue(r.get("heap_bytes_per_step").asLong() >= 0);
        double loss = r.get("last_round_loss").asDouble();
        assertTrue(loss > 0 && loss < Math.log(10) + 0.5, "a trained loss, not a diverged one: " + loss);
    }

    @Test
    void textReportAndWidthOption() {
        CliRun run = CliRun.of(concat(new String[]{"bench", CliRun.example("mnist-mlp.nn"), "--width", "32"}, SHORT));
        assertEquals(0, run.exitCode(), run.err() + run.out());
        // 784*32+32 + 32*32+32 + 32*10+10: both hidden layers 32 wide, the output layer unchanged.
        assertTrue(run.out().contains("26,506 parameters"), run.out());
        for (String label : new String[]{"samples/s", "epoch time", "step ", "inference", "peak RSS", "BLAS"}) {
            assertTrue(run.out().contains(label), label + " missing in\n" + run.out());
        }
    }

    @Test
    void badNumbersAreUserErrors() {
        CliRun run = CliRun.of("bench", CliRun.example("mnist-mlp.nn"), "--steps", "0");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--steps must be at least 1, not 0"), run.err());
        run = CliRun.of(concat(new String[]{"bench", CliRun.example("mnist-mlp.nn"), "--batch", "1000"}, SHORT));
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("batch 1000 is larger than the 640 training examples"), run.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
