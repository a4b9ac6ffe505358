package nn.cli;

import nn.api.data.Dataset;
import nn.api.graph.TrainSpec;
import nn.api.network.Network;
import nn.api.spi.Backend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint records besides parameters: versions, backend, the run's settings, the
 * data's checksums, and what `nn predict` needs without the data set (normalisation, class
 * names, input shape).
 */
final class CheckpointMeta {
    static final String NORMALIZATION = "normalization";
    static final String CLASS_NAMES = "class_names";

    private CheckpointMeta() {
    }

    static Map<String, Object> of(TrainSpec train, Backend backend, Dataset data, Network network) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("nn_version", Version.nn());
        meta.put("backend", backend.describe());
        meta.put("seed", train.seed());
        meta.put("batch", train.batch());
        meta.put("epochs", train.epochs());
        meta.put("optimizer", train.optimizer());
        meta.put("dataset", data.name());
        meta.put("dataset_sha256", data.checksums());
        meta.put(NORMALIZATION, Map.of("mean", data.normalization().mean(), "std", data.normalization().std()));
        meta.put(CLASS_NAMES, data.classNames());
        meta.put("input_shape", network.inputShape().dims());
        return meta;
    }

    /** The normalisation recorded at training time. */
    static nn.api.data.Normalization normalization(Map<String, Object> meta) {
        if (!(meta.get(NORMALIZATION) instanceof Map<?, ?> m)) return nn.api.data.Normalization.NONE;
        return new nn.api.data.Normalization(((Number) m.get("mean")).doubleValue(), ((Number) m.get("std")).doubleValue());
    }

    @SuppressWarnings("unchecked")
    static List<String> classNames(Map<String, Object> meta, int classes) {
        if (meta.get(CLASS_NAMES) instanceof List<?> names && names.size() == classes) return (List<String>) names;
        return java.util.stream.IntStream.range(0, classes).mapToObj(String::valueOf).toList();
    }
}
