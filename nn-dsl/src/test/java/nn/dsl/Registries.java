package nn.dsl;

import nn.api.graph.Shape;
import nn.api.registry.Registry;
import nn.api.runtime.Layer;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.LayerProvider;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The registries tests compile against. */
final class Registries {
    private static Registry real;
    private static Registry withProbe;

    private Registries() {
    }

    /** Everything on the test class path: the standard library and the data set providers. */
    static synchronized Registry real() {
        if (real == null) real = Registry.load();
        return real;
    }

    /** The real registry plus `probe`, a layer taking one parameter of each type, to read literals back. */
    static synchronized Registry withProbe() {
        if (withProbe == null) {
            Registry r = real();
            Map<String, LayerProvider> layers = new TreeMap<>(r.layers());
            layers.put("probe", new Probe());
            withProbe = new Registry(layers, r.merges(), r.activations(), r.losses(), r.optimizers(), r.initializers(), r.schedules(),
                    r.datasets(), r.backends());
        }
        return withProbe;
    }

    static final class Probe implements LayerProvider {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public String description() {
            return "keeps its input; takes one parameter of each type";
        }

        @Override
        public Schema schema() {
            return Schema.of(
                    Param.optional("i", ParamType.INT, 0, "an int"),
                    Param.optional("f", ParamType.FLOAT, 0.0, "a float"),
                    Param.optional("b", ParamType.BOOL, false, "a bool"),
                    Param.optional("s", ParamType.STRING, "", "a string"),
                    Param.optional("l", ParamType.LIST, List.of(), "a list"));
        }

        @Override
        public Shape outputShape(Shape input, Args args) {
            return input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            throw new UnsupportedOperationException("a probe is never built");
        }
    }
}
