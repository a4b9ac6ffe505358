package nn.dsl;

import nn.dsl.grammar.NnParser;

/**
 * The part of argument binding that providers and blocks share: arguments in written order,
 * a positional one after a named one reported, the first {@code skip} positional ones left to
 * the caller (a loss's node and target), and each other argument handed to a visitor.
 */
final class ArgumentWalk {

    interface Visitor {
        /** A positional argument; {@code position} counts from 0 after the skipped ones. False if it reported a problem. */
        boolean positional(NnParser.ArgumentContext arg, int position);

        /** A named argument. False if it reported a problem. */
        boolean named(NnParser.ArgumentContext arg, String name);
    }

    private ArgumentWalk() {
    }

    /** True when neither the walk nor the visitor reported a problem. */
    static boolean walk(NnParser.CallContext call, int skip, Reporter reporter, Visitor visitor) {
        boolean ok = true;
        boolean seenNamed = false;
        int index = 0;
        for (NnParser.ArgumentContext arg : call.argument()) {
            if (arg.name == null) {
                if (seenNamed) {
                    reporter.error(Source.Span.of(arg), "a positional argument cannot follow a named one",
                            "write the positional arguments first");
                    ok = false;
                    continue;
                }
                if (index++ < skip) continue;
                ok &= visitor.positional(arg, index - skip - 1);
            } else {
                seenNamed = true;
                ok &= visitor.named(arg, arg.name.getText());
            }
        }
        return ok;
    }
}
