package nn.serve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nn.api.inference.ImageDecoder;
import nn.api.inference.InvalidInput;
import nn.api.inference.Model;
import nn.api.inference.Preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a predict request's body into model inputs, TensorFlow Serving's way:
 * `{"instances": [x, ...]}` where each x is the example's raw values (flat or nested as the
 * input's shape), `{"INPUT_NAME": values}`, or `{"b64": "..."}` with an encoded image.
 * Every failure is a {@link BadRequest} that says what was expected.
 */
final class Instances {
    private final ObjectMapper json;
    private final ImageDecoder images;
    private final int maxInstances;

    Instances(ObjectMapper json, ImageDecoder images, int maxInstances) {
        this.json = json;
        this.images = images;
        this.maxInstances = maxInstances;
    }

    List<float[]> fromJson(byte[] body, Model model) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequest(400, "malformed JSON: " + e.getOriginalMessage() + "; expected {\"instances\": [...]}");
        } catch (java.io.IOException e) {
            throw new BadRequest(400, "cannot read the body: " + e.getMessage());
        }
        JsonNode instances = root == null ? null : root.get("instances");
        if (instances == null || !instances.isArray()) {
            throw new BadRequest(400, "expected a JSON object {\"instances\": [...]} with one entry per example");
        }
        if (instances.isEmpty()) throw new BadRequest(400, "\"instances\" is empty; expected at least one example");
        if (instances.size() > maxInstances) {
            throw new BadRequest(413, instances.size() + " instances in one request; at most " + maxInstances);
        }
        Preprocessing pre = model.preprocessing();
        List<float[]> inputs = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            try {
                inputs.add(instance(instances.get(i), model, pre));
            } catch (InvalidInput e) {
                throw new BadRequest(e instanceof InvalidInput.TooLarge ? 413 : 400, "instances[" + i + "]: " + e.getMessage());
            }
        }
        return inputs;
    }

    /** An image body (PNG, JPEG...): one example. */
    float[] fromImage(byte[] body, Model model) {
        try {
            return model.preprocessing().modelInput(decode(body));
        } catch (InvalidInput e) {
            throw new BadRequest(e instanceof InvalidInput.TooLarge ? 413 : 400, e.getMessage());
        }
    }

    private float[] instance(JsonNode x, Model model, Preprocessing pre) {
        if (x.isObject()) {
            if (x.size() == 1 && x.has("b64")) {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(x.get("b64").asText());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("\"b64\" is not base64: " + e.getMessage());
                }
                return pre.modelInput(decode(bytes));
            }
            if (x.size() != 1 || !x.has(model.inputName())) {
                List<String> names = new ArrayList<>();
                x.fieldNames().forEachRemaining(names::add);
                throw new InvalidInput("expected the input '" + model.inputName() + "' or \"b64\", got " + names);
            }
            return pre.modelInput(values(x.get(model.inputName()), pre));
        }
        return pre.modelInput(values(x, pre));
    }

    private java.awt.image.BufferedImage decode(byte[] bytes) {
        return images.decode(bytes);
    }

    /** Numbers, flat or nested to any depth, collected in order; never more than the input holds. */
    private static float[] values(JsonNode x, Preprocessing pre) {
        int size = pre.size();
        String expected = "expected " + size + " numbers (shape " + Arrays.toString(pre.inputShape().dims())
                + ", flat or nested; pixels 0..255)";
        if (!x.isArray()) throw new InvalidInput(expected + ", got " + x.getNodeType().name().toLowerCase());
        float[] out = new float[size];
        int n = 0;
        ArrayList<Iterator<JsonNode>> stack = new ArrayList<>();
        stack.add(x.elements());
        while (!stack.isEmpty()) {
            Iterator<JsonNode> it = stack.get(stack.size() - 1);
            if (!it.hasNext()) {
                stack.remove(stack.size() - 1);
                continue;
            }
            JsonNode v = it.next();
            if (v.isArray()) {
                stack.add(v.elements());
            } else if (v.isNumber()) {
                if (n == size) throw new InvalidInput(expected + ", got more");
                out[n++] = v.floatValue();
            } else {
                throw new InvalidInput(expected + ", got a " + v.getNodeType().name().toLowerCase() + " among them");
            }
        }
        if (n != size) throw new InvalidInput(expected + ", got " + n);
        return out;
    }
}
