package nn.api.graph;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Graph to and from JSON; one configured mapper for the project. */
public final class GraphJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GraphJson() {
    }

    public static String write(Graph graph) {
        try {
            return MAPPER.writeValueAsString(graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Graph read(String json) throws IOException {
        return MAPPER.readValue(json, Graph.class);
    }
}
