package nn.lsp;

import nn.api.registry.Origin;
import nn.api.schema.Param;
import nn.api.spi.Provider;

import java.util.ArrayList;
import java.util.List;

/** How a provider is described in hovers, completion and signature help: the same words as `nn plugins`. */
final class ProviderDocs {
    private ProviderDocs() {
    }

    /** `dense(units, bias = true, init = "xavier")`. */
    static String signature(Provider p) {
        List<String> params = new ArrayList<>();
        for (Param param : p.schema().params()) params.add(parameter(param));
        return p.name() + "(" + String.join(", ", params) + ")";
    }

    /** `units` or `bias = true`. */
    static String parameter(Param param) {
        return param.isRequired() ? param.name() : param.name() + " = " + literal(param.defaultValue());
    }

    /** The whole description as Markdown: signature, what it does, each parameter, and the jar it came from. */
    static String markdown(Provider p) {
        StringBuilder md = new StringBuilder();
        md.append("```nn\n").append(signature(p)).append("\n```\n\n");
        md.append(p.description()).append("\n\n");
        for (Param param : p.schema().params()) md.append("- `").append(param.signature()).append("`")
                .append(param.doc() == null || param.doc().isEmpty() ? "" : " — " + param.doc()).append('\n');
        md.append("\nfrom `").append(Origin.of(p.getClass())).append('`');
        return md.toString();
    }

    static String literal(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
