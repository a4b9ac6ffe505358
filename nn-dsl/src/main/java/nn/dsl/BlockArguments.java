package nn.dsl;

import nn.api.schema.Suggest;
import nn.dsl.grammar.NnParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the arguments of a block use to the block's parameters: positional ones (after the
 * node inputs) in order, then named ones; defaults fill the rest. The values become constants
 * inside the block's body, where the operations they reach check them against their schemas.
 */
final class BlockArguments {
    private final Reporter reporter;
    private final Definitions definitions;

    BlockArguments(Reporter reporter, Definitions definitions) {
        this.reporter = reporter;
        this.definitions = definitions;
    }

    /** The parameter values, or null when a problem was reported. */
    Map<String, Object> bind(NnParser.CallContext call, Definitions.BlockDef block, int skip, Values values) {
        List<NnParser.BlockParamContext> params = block.params();
        List<String> names = new ArrayList<>();
        for (NnParser.BlockParamContext p : params) names.add(p.name.getText());
        Map<String, Object> bound = new LinkedHashMap<>();
        boolean ok = ArgumentWalk.walk(call, skip, reporter, new ArgumentWalk.Visitor() {
            @Override
            public boolean positional(NnParser.ArgumentContext arg, int position) {
                if (position >= params.size()) {
                    reporter.error(Source.Span.of(arg), "too many arguments: block '" + block.name() + "' takes "
                            + params.size(), signature(block));
                    return false;
                }
                return put(bound, names.get(position), values.convert(arg.value()));
            }

            @Override
            public boolean named(NnParser.ArgumentContext arg, String name) {
                if (!names.contains(name)) {
                    String guess = Suggest.closest(name, names);
                    reporter.error(Source.Span.of(arg), "unknown parameter '" + name + "' of block '" + block.name() + "'",
                            guess != null ? "did you mean '" + guess + "'?" : signature(block));
                    return false;
                }
                if (bound.containsKey(name)) {
                    reporter.error(Source.Span.of(arg), "parameter '" + name + "' is given twice", null);
                    return false;
                }
                return put(bound, name, values.convert(arg.value()));
            }
        });
        for (NnParser.BlockParamContext p : params) {
            String name = p.name.getText();
            if (bound.containsKey(name)) continue;
            if (p.value() == null) {
                // An argument already reported (a misspelt name, a misplaced one) is often the missing one.
                if (ok) reporter.error(Source.Span.of(call), "missing parameter '" + name + "' of block '" + block.name() + "'",
                        signature(block));
                ok = false;
            } else {
                ok &= put(bound, name, definitions.values().convert(p.value()));
            }
        }
        return ok ? bound : null;
    }

    private static boolean put(Map<String, Object> bound, String name, Object value) {
        bound.put(name, value); // an invalid value (reported) still counts as given
        return value != Values.INVALID;
    }

    /** `block residual(units, scale = 1.0)`, for hints. */
    static String signature(Definitions.BlockDef block) {
        List<String> ps = new ArrayList<>();
        for (NnParser.BlockParamContext p : block.params()) {
            ps.add(p.value() == null ? p.name.getText() : p.name.getText() + " = " + p.value().getText());
        }
        return "block " + block.name() + "(" + String.join(", ", ps) + ")";
    }
}
