package nn.api.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainSettingsTest {
    private static final Call MNIST = new Call("mnist", Map.of("normalize", List.of(0.5, 0.5)));
    private static final LossSpec LOSS = new LossSpec("cross_entropy", "logits", "label", Map.of());
    private static final Call ADAM = new Call("adam", Map.of("lr", 1e-3));

    /** The train section as graph.json held it before the settings had declarations: the 14 components of a record. */
    record FormerTrainSpec(Call data, LossSpec loss, Call optimizer, int batch, int epochs, long seed, boolean shuffle,
                           String backend, int threads, Call schedule, double validation, int patience, int augmentShift,
                           double augmentRotate) {
    }

    @Test
    void everySettingHasItsDeclaredDefault() {
        TrainSettings d = TrainSettings.DEFAULTS;
        assertEquals(32, d.batch());
        assertEquals("auto", d.backend());
        for (TrainSetting<?> s : TrainSettings.ALL) {
            assertEquals(s.param().defaultValue().toString(), s.get(d).toString(), s.key());
        }
        assertTrue(d.problems().isEmpty(), d.problems().toString());
    }

    /** The keys of the former record in its order: messages and graph.json list them so; a new setting comes after. */
    private static final List<String> FORMER_KEYS = List.of("data", "loss", "optimizer", "batch", "epochs", "seed",
            "shuffle", "backend", "threads", "schedule", "validation", "patience", "augment_shift", "augment_rotate");

    @Test
    void theKeysKeepTheOrderUsersHaveSeen() {
        assertEquals(FORMER_KEYS, TrainSpec.KEYS.subList(0, FORMER_KEYS.size()));
        assertEquals(TrainSettings.ALL.size(), TrainSettings.SCHEMA.params().size());
    }

    @Test
    void aValueIsCheckedAgainstItsDeclaration() {
        TrainSettings.Builder b = TrainSettings.builder();
        List<String> problems = new ArrayList<>();
        assertFalse(b.accept(TrainSettings.BATCH, 0, (w, m, h) -> problems.add(m)));
        assertFalse(b.accept(TrainSettings.VALIDATION, 0.95, (w, m, h) -> problems.add(m)));
        assertFalse(b.accept(TrainSettings.BACKEND, "tpu", (w, m, h) -> problems.add(m)));
        assertFalse(b.accept(TrainSettings.SEED, 1.5, (w, m, h) -> problems.add(m)));
        assertFalse(b.accept(TrainSettings.EPOCHS, 3_000_000_000L, (w, m, h) -> problems.add(m)));
        assertEquals(List.of("'batch' is 0, out of range: expected batch: int >= 1 = 32",
                "'validation' is 0.95, out of range: expected validation: float in [0, 0.9] = 0.0",
                "'backend' is \"tpu\", expected one of cpu, cuda, auto",
                "'seed' must be an int, not a float",
                "'epochs' is 3000000000, too large for an int"), problems);
        assertEquals(TrainSettings.DEFAULTS, b.build(), "a refused value leaves the setting as it was");

        assertTrue(b.accept(TrainSettings.SEED, 12_345_678_901L, (w, m, h) -> problems.add(m)));
        assertTrue(b.accept(TrainSettings.VALIDATION, 0, (w, m, h) -> problems.add(m)));
        assertEquals(12_345_678_901L, b.build().seed());
        assertEquals(0.0, b.build().validation());
    }

    @Test
    void earlyStoppingNeedsAValidationSplit() {
        TrainSettings s = TrainSettings.builder().set(TrainSettings.PATIENCE, 2).build();
        assertEquals(List.of(new TrainSettings.Problem("patience", "early stopping needs a validation split",
                "add e.g. validation = 0.1")), s.problems());
        assertTrue(s.toBuilder().set(TrainSettings.VALIDATION, 0.1).build().problems().isEmpty());
    }

    @Test
    void theValidatorChecksSettingsMadeInCode() {
        TrainSettings s = TrainSettings.builder().set(TrainSettings.BATCH, 0).set(TrainSettings.BACKEND, null).build();
        assertEquals(List.of("batch", "backend"), s.problems().stream().map(TrainSettings.Problem::key).toList());
    }

    @Test
    void graphJsonHoldsTheFlatObjectCheckpointsAlwaysHeld() throws IOException {
        TrainSettings settings = TrainSettings.builder().set(TrainSettings.BATCH, 64).set(TrainSettings.EPOCHS, 3)
                .set(TrainSettings.SEED, 42L).set(TrainSettings.VALIDATION, 0.1).set(TrainSettings.PATIENCE, 2)
                .set(TrainSettings.AUGMENT_SHIFT, 2).set(TrainSettings.AUGMENT_ROTATE, 10.0).build();
        TrainSpec spec = new TrainSpec(MNIST, LOSS, ADAM, new Call("cosine", Map.of("warmup", 1)), settings);
        String json = GraphJson.MAPPER.writeValueAsString(spec);

        JsonNode tree = GraphJson.MAPPER.readTree(json);
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("data", "loss", "optimizer", "batch", "epochs", "seed", "shuffle", "backend", "threads",
                "schedule", "validation", "patience", "augmentShift", "augmentRotate"), names.subList(0, 14));

        // The reader of every nn so far, a record of 14 components, reads what is written now. It refuses
        // unknown keys: a new setting makes checkpoints that earlier versions of nn cannot read, and this fails.
        FormerTrainSpec former = GraphJson.MAPPER.readValue(json, FormerTrainSpec.class);
        assertEquals(new FormerTrainSpec(MNIST, LOSS, ADAM, 64, 3, 42L, true, "auto", 0,
                new Call("cosine", Map.of("warmup", 1)), 0.1, 2, 2, 10.0), former);

        assertEquals(spec, GraphJson.MAPPER.readValue(json, TrainSpec.class));
    }

    @Test
    void aLaterSettingIsWrittenOnlyWhenUsed() throws IOException {
        TrainSettings flip = TrainSettings.builder().set(TrainSettings.AUGMENT_FLIP, true).build();
        TrainSpec spec = new TrainSpec(MNIST, LOSS, ADAM, flip);
        JsonNode tree = GraphJson.MAPPER.readTree(GraphJson.MAPPER.writeValueAsString(spec));
        assertTrue(tree.get("augmentFlip").asBoolean(), tree.toString());
        assertEquals(spec, GraphJson.MAPPER.readValue(tree.toString(), TrainSpec.class));
        JsonNode unused = GraphJson.MAPPER.readTree(GraphJson.MAPPER.writeValueAsString(
                new TrainSpec(MNIST, LOSS, ADAM, TrainSettings.DEFAULTS)));
        assertNull(unused.get("augmentFlip"), unused.toString());
    }

    @Test
    void whatTheFormerWriterWroteReadsBack() throws IOException {
        FormerTrainSpec former = new FormerTrainSpec(MNIST, LOSS, ADAM, 16, 2, 7L, false, "cpu", 1, null, 0.2, 1, 1, 5.0);
        TrainSpec read = GraphJson.MAPPER.readValue(GraphJson.MAPPER.writeValueAsString(former), TrainSpec.class);
        assertEquals(TrainSettings.builder().set(TrainSettings.BATCH, 16).set(TrainSettings.EPOCHS, 2)
                .set(TrainSettings.SEED, 7L).set(TrainSettings.SHUFFLE, false).set(TrainSettings.BACKEND, "cpu")
                .set(TrainSettings.THREADS, 1).set(TrainSettings.VALIDATION, 0.2).set(TrainSettings.PATIENCE, 1)
                .set(TrainSettings.AUGMENT_SHIFT, 1).set(TrainSettings.AUGMENT_ROTATE, 5.0).build(), read.settings());
        assertEquals(MNIST, read.data());
        assertEquals(LOSS, read.loss());
        assertEquals(ADAM, read.optimizer());
        assertNull(read.schedule());
    }

    @Test
    void anEarlyCheckpointsTrainSectionReadsWithTheLaterSettingsAtTheirDefaults() throws IOException {
        // graph.json of a checkpoint written before schedules, validation and augmentation existed
        String early = """
                {"data": {"name": "mnist", "args": {"normalize": [0.5, 0.5]}},
                 "loss": {"name": "cross_entropy", "output": "logits", "target": "label", "args": {}},
                 "optimizer": {"name": "adam", "args": {"lr": 0.001}},
                 "batch": 64, "epochs": 10, "seed": 42, "shuffle": true, "backend": "auto", "threads": 0}""";
        TrainSpec read = GraphJson.MAPPER.readValue(early, TrainSpec.class);
        assertEquals(TrainSettings.builder().set(TrainSettings.BATCH, 64).set(TrainSettings.EPOCHS, 10)
                .set(TrainSettings.SEED, 42L).build(), read.settings());
        assertNull(read.schedule());
    }

    @Test
    void aTrainSectionInGraphJsonIsCheckedLikeAFile() {
        String unknown = "{\"data\": null, \"loss\": null, \"optimizer\": null, \"batchSize\": 3}";
        IOException e = assertThrows(IOException.class, () -> GraphJson.MAPPER.readValue(unknown, TrainSpec.class));
        assertTrue(e.getMessage().contains("unknown train setting 'batchSize'"), e.getMessage());
        String wrong = "{\"data\": null, \"loss\": null, \"optimizer\": null, \"batch\": -1}";
        e = assertThrows(IOException.class, () -> GraphJson.MAPPER.readValue(wrong, TrainSpec.class));
        assertTrue(e.getMessage().contains("'batch' is -1, out of range"), e.getMessage());
    }
}
