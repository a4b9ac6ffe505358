package nn.serve;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nn.api.data.Normalization;
import nn.api.inference.Model;
import nn.api.inference.Prediction;

import java.util.List;

/** The JSON the server answers with: model descriptions, predictions, errors. */
final class Json {
    /** Nesting beyond a [C, H, W] example inside "instances" is never needed: deep documents are refused early. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    }

    private Json() {
    }

    static ObjectNode describe(ServedModel served, ServeConfig config) {
        Model model = served.model();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", model.name());
        ObjectNode input = o.putArray("inputs").addObject();
        input.put("name", model.inputName());
        ArrayNode shape = input.putArray("shape");
        for (int d : model.inputShape().dims()) shape.add(d);
        o.put("task", model.classifies() ? "classification" : "regression");
        o.put("outputs", model.outputSize());
        ArrayNode classes = o.putArray("classes");
        if (model.classifies()) model.classNames().forEach(classes::add);
        ObjectNode pre = o.putObject("preprocessing");
        Normalization n = model.preprocessing().normalization();
        pre.put("raw_values", "pixels 0..255, flattened in C order or nested as the input's shape");
        pre.put("formula", "(p / 255 - mean) / std");
        pre.putObject("normalization").put("mean", n.mean()).put("std", n.std());
        if (model.preprocessing().takesImages()) {
            pre.put("images", "PNG, JPEG, GIF or BMP of any size up to " + config.maxImageSide() + " px a side: grey, resized to "
                    + model.inputShape().dim(2) + "x" + model.inputShape().dim(1)
                    + ", inverted when mostly light (MNIST digits are light on dark)");
        }
        o.putObject("batching").put("max_batch", config.maxBatch()).put("max_wait_ms", config.maxWaitMillis())
                .put("workers", config.workers());
        o.putObject("limits").put("max_body_bytes", config.maxBodyBytes()).put("max_instances", config.maxInstances())
                .put("max_image_side", config.maxImageSide()).put("timeout_ms", config.timeoutMillis());
        o.put("test_examples", served.examples().labels().size());
        return o;
    }

    static ObjectNode predictions(List<Prediction> predictions) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode list = o.putArray("predictions");
        for (Prediction p : predictions) {
            ObjectNode e = list.addObject();
            if (p instanceof Prediction.Classification c) {
                e.put("class", c.classIndex());
                e.put("label", c.className());
                e.put("probability", c.probability());
                ArrayNode probabilities = e.putArray("probabilities");
                for (double v : c.probabilities()) probabilities.add(v);
            } else if (p instanceof Prediction.Regression r) {
                ArrayNode values = e.putArray("values");
                for (double v : r.values()) values.add(v);
            }
        }
        return o;
    }

    static ObjectNode examples(ServedModel served, int n) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode list = o.putArray("examples");
        TestExamples ex = served.examples();
        List<String> names = served.model().classNames();
        for (int i = 0; i < Math.min(n, ex.labels().size()); i++) {
            ObjectNode e = list.addObject();
            ArrayNode pixels = e.putArray("pixels");
            for (byte b : ex.pixels().get(i)) pixels.add(b & 0xFF);
            int label = ex.labels().get(i);
            e.put("label", label);
            e.put("label_name", label < names.size() ? names.get(label) : Integer.toString(label));
        }
        return o;
    }

    static String error(int status, String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("error", message);
        o.put("status", status);
        return o.toString();
    }
}
