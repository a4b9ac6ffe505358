package nn.dsl;

import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.shapes.ShapeInference;
import nn.api.registry.Registry;
import nn.api.schema.Suggest;
import nn.api.spi.MergeProvider;
import nn.api.spi.Provider;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the statements of the model, or of a block at one of its uses, into graph nodes:
 * chains, calls (a call's leading positional arguments that are nodes are its inputs),
 * repeats, and block uses, which are expanded in place into primitive nodes. Problems are
 * reported and building goes on, so that one run finds them all.
 */
final class Expander {
    static final int MAX_REPEAT = 1000;

    private final Registry registry;
    private final Reporter reporter;
    private final Definitions definitions;
    private final GraphParts parts;
    private final Deque<String> expanding = new ArrayDeque<>();
    private final BlockArguments blockArguments;

    Expander(Registry registry, Reporter reporter, Definitions definitions, GraphParts parts) {
        this.registry = registry;
        this.reporter = reporter;
        this.definitions = definitions;
        this.parts = parts;
        this.blockArguments = new BlockArguments(reporter, definitions);
    }

    // ------------------------------------------------------------ statements

    /** The statements of a model or block body, except outputs (resolved by the caller once all exist). */
    void statements(Scope scope, List<NnParser.StatementContext> statements) {
        for (NnParser.StatementContext s : statements) declareNames(scope, s);
        for (NnParser.StatementContext s : statements) {
            if (!parts.step()) {
                tooLarge(s);
                return;
            }
            if (s.inputDecl() != null && scope.isModel()) input(scope, s.inputDecl());
            else if (s.assignment() != null) chain(scope, s.assignment().chain(), s.assignment().name);
            else if (s.chain() != null) chain(scope, s.chain(), null);
        }
    }

    private static void declareNames(Scope scope, NnParser.StatementContext s) {
        if (s.inputDecl() != null) scope.declare(s.inputDecl().name);
        NnParser.ChainContext chain = s.chain();
        if (s.assignment() != null) {
            scope.declare(s.assignment().name);
            chain = s.assignment().chain();
        }
        if (chain != null && !chain.step().isEmpty()
                && chain.step(chain.step().size() - 1) instanceof NnParser.NameStepContext last) {
            scope.declare(last.IDENT().getSymbol());
        }
    }

    /** input image: [1, 28, 28] */
    private void input(Scope scope, NnParser.InputDeclContext decl) {
        boolean fresh = define(scope, decl.name, decl.name.getText());
        if (decl.shape == null) {
            reporter.error(Source.Span.of(decl.name), "input '" + decl.name.getText() + "' needs a shape",
                    "e.g. 'input " + decl.name.getText() + ": [1, 28, 28]', the shape of one example");
            return;
        }
        Shape shape = new Shapes(reporter, scope.values()).shape(decl.shape);
        if (fresh && shape != null) parts.input(new GraphInput(decl.name.getText(), shape), origin(decl.name));
    }

    // ------------------------------------------------------------ chains

    /** image -> flatten() -> dense(128) -> name,   add(a, b) -> relu() */
    private void chain(Scope scope, NnParser.ChainContext chain, Token assigned) {
        List<NnParser.StepContext> steps = chain.step();
        int last = steps.size() - 1;
        int lastCall = -1; // the step whose node the chain's name goes to; -1: the head
        for (int i = 0; i < steps.size(); i++) if (!(steps.get(i) instanceof NnParser.NameStepContext)) lastCall = i;
        boolean headIsCall = chain.head() instanceof NnParser.CallHeadContext;

        Token name = assigned;
        if (!steps.isEmpty() && steps.get(last) instanceof NnParser.NameStepContext trailing) {
            name = trailingName(trailing.IDENT().getSymbol(), assigned, lastCall < 0 && !headIsCall, chain);
        }

        String previous;
        if (chain.head() instanceof NnParser.NameHeadContext n) {
            Token source = n.IDENT().getSymbol();
            previous = reference(scope, source);
            if (steps.isEmpty()) {
                nothingToDo(source, assigned);
                return;
            }
            if (assigned != null && lastCall < 0 && name == assigned) {
                reporter.error(Source.Span.of(assigned), "nothing to name: the chain applies no operation", null);
            }
        } else {
            NnParser.CallContext call = ((NnParser.CallHeadContext) chain.head()).call();
            previous = call(scope, call, List.of(), lastCall < 0 ? name : null, true);
        }

        for (int i = 0; i < steps.size(); i++) {
            NnParser.StepContext step = steps.get(i);
            Token stepName = i == lastCall ? name : null;
            if (step instanceof NnParser.CallStepContext c) {
                previous = call(scope, c.call(), java.util.Collections.singletonList(previous), stepName, false);
            } else if (step instanceof NnParser.RepeatStepContext r) {
                previous = repeat(scope, r, previous, stepName);
            } else if (i != last) {
                misplacedName(((NnParser.NameStepContext) step).IDENT().getSymbol());
            }
        }
    }

    /** The name at the end of a chain, if it can name the chain's last node. */
    private Token trailingName(Token t, Token assigned, boolean nothingBefore, NnParser.ChainContext chain) {
        if (assigned != null) {
            reporter.error(Source.Span.of(t), "this node is already named '" + assigned.getText() + "'",
                    "name a node either with 'NAME = ...' or with '-> NAME' at the end, not both");
            return assigned;
        }
        if (nothingBefore) {
            reporter.error(Source.Span.of(t), "nothing to name: the chain applies no operation",
                    "a name ends a chain of operations, as in '" + chain.head().getText() + " -> relu() -> "
                            + t.getText() + "'");
            return null;
        }
        if (registry.operation(t.getText()) != null || definitions.block(t.getText()) != null) {
            reporter.error(Source.Span.of(t), "'" + t.getText() + "' is an operation: write '" + t.getText()
                    + "()' to apply it", "to name the node, choose a name that is not an operation");
            return null;
        }
        return t;
    }

    private void nothingToDo(Token source, Token assigned) {
        String previous = source.getText();
        if (assigned != null) {
            reporter.error(Source.Span.of(assigned), "nothing to name: the chain applies no operation",
                    "a name is given to an operation's result, as in '" + assigned.getText() + " = "
                            + previous + " -> relu()'");
        } else {
            reporter.error(Source.Span.of(source), "'" + previous + "' alone does nothing",
                    "apply operations to it, as in '" + previous + " -> relu()'");
        }
    }

    private void misplacedName(Token t) {
        String word = t.getText();
        if (registry.operation(word) != null || definitions.block(word) != null) {
            reporter.error(Source.Span.of(t), "'" + word + "' is an operation: write '" + word + "()' to apply it", null);
        } else {
            reporter.error(Source.Span.of(t), "a name can only end a chain",
                    "to go on from '" + word + "', start a new line with '" + word + " -> ...'");
        }
    }

    /** repeat 3 { dense(64) -> relu() }: the steps applied one after another, that many times. */
    private String repeat(Scope scope, NnParser.RepeatStepContext r, String previous, Token name) {
        Object count = scope.values().convert(r.count);
        int times = 1;
        if (count instanceof Integer n && n >= 1 && n <= MAX_REPEAT) {
            times = n;
        } else if (count != Values.INVALID) {
            reporter.error(Source.Span.of(r.count), "a repeat count must be an int from 1 to " + MAX_REPEAT
                    + ", not " + Values.show(count), "e.g. repeat 3 { dense(64) -> relu() }");
        }
        List<NnParser.StepContext> steps = r.step();
        int lastCall = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof NnParser.NameStepContext n) {
                Token t = n.IDENT().getSymbol();
                reporter.error(Source.Span.of(t), "a repeated chain cannot name its nodes",
                        "name the result after the repeat: '-> repeat " + r.count.getText() + " { ... } -> "
                                + t.getText() + "'");
            } else {
                lastCall = i;
            }
        }
        for (int k = 0; k < times; k++) {
            if (!parts.step()) {
                tooLarge(r);
                break;
            }
            for (int i = 0; i < steps.size(); i++) {
                if (!parts.step()) {
                    tooLarge(r);
                    return previous;
                }
                Token stepName = k == times - 1 && i == lastCall ? name : null;
                if (steps.get(i) instanceof NnParser.CallStepContext c) {
                    previous = call(scope, c.call(), java.util.Collections.singletonList(previous), stepName, false);
                } else if (steps.get(i) instanceof NnParser.RepeatStepContext inner) {
                    previous = repeat(scope, inner, previous, stepName);
                }
            }
        }
        return previous;
    }

    // ------------------------------------------------------------ calls

    /**
     * One call: an operation (a node) or a block (expanded). Its inputs are `chained` (the
     * node before it in a chain) and its leading positional arguments that are nodes; in a
     * call written on its own (`add(a, b)`), the first argument is always an input.
     * Returns the graph name of the node it makes (null when that failed).
     */
    private String call(Scope scope, NnParser.CallContext call, List<String> chained, Token name, boolean standalone) {
        if (!parts.step(tokens(call))) {
            tooLarge(call);
            return null;
        }
        String op = call.name.getText();
        Provider provider = registry.operation(op);
        // A merge's positional arguments are all nodes; others take nodes first, then values.
        boolean merge = provider instanceof MergeProvider;
        List<String> inputs = new ArrayList<>(chained);
        int taken = 0;
        for (NnParser.ArgumentContext arg : call.argument()) {
            if (arg.name != null) break;
            if (arg.value() instanceof NnParser.NameValueContext n) {
                String word = n.getText();
                boolean isNode = scope.has(word) || merge
                        || (!scope.values().isConstant(word) && standalone && taken == 0);
                if (!isNode) break;
                inputs.add(reference(scope, n.IDENT().getSymbol()));
            } else if (arg.value() instanceof NnParser.CallValueContext c) {
                inputs.add(call(scope, c.call(), List.of(), null, true));
            } else {
                break;
            }
            taken++;
        }

        Definitions.BlockDef block = definitions.block(op);
        if (block != null) return expand(scope, call, block, inputs, taken, name);

        boolean ok = !inputs.contains(null);
        Map<String, Object> args = Map.of();
        if (provider == null) {
            unknownOperation(call.name);
            ok = false;
        } else {
            ArgumentBinder.Bound bound = scope.binder().bind(call, provider.schema(), taken);
            args = bound.args();
            ok &= bound.ok();
        }
        String local = name != null ? name.getText() : scope.autoName(op);
        String graphName = scope.graphName(local);
        if (name != null && !define(scope, name, graphName)) return graphName;
        if (name == null) scope.bind(local, graphName, Source.Span.of(call));

        List<String> names = new ArrayList<>();
        for (String in : inputs) names.add(in == null ? "?" : in);
        Node node = new Node(graphName, op, names, args);
        if (provider != null) {
            String arity = ShapeInference.arityProblem(provider, node);
            if (arity != null) {
                reporter.error(Source.Span.of(call), arity, arityHint(provider, op));
                ok = false;
            }
        }
        parts.node(node, origin(call), ok);
        return graphName;
    }

    private static String arityHint(Provider provider, String op) {
        return provider instanceof MergeProvider
                ? "write the nodes it combines as its first arguments, as in '" + op + "(a, b)' or 'a -> " + op + "(b)'"
                : "to combine nodes, use add(...) or concat(...) first";
    }

    /** A use of a block: its parameters bound, its body built under the use's name. */
    private String expand(Scope scope, NnParser.CallContext call, Definitions.BlockDef block, List<String> inputs,
                          int taken, Token name) {
        definitions.markUsed(block.name());
        if (!parts.step(tokens(block.tree()) + definitions.values().constants().size())) {
            tooLarge(call);
            return null;
        }
        String local = name != null ? name.getText() : scope.autoName(block.name());
        String graphName = scope.graphName(local);
        if (name != null && !define(scope, name, null)) return null;

        Map<String, Object> params = blockArguments.bind(call, block, taken, scope.values());
        boolean ok = params != null && block.output() != null && !inputs.contains(null);
        if (inputs.size() != block.inputs().size()) {
            reporter.error(Source.Span.of(call), "block '" + block.name() + "' takes " + count(block.inputs().size())
                    + ", got " + inputs.size(), "its inputs are " + inputNames(block));
            ok = false;
        }
        if (expanding.contains(block.name())) {
            List<String> cycle = new ArrayList<>(expanding);
            java.util.Collections.reverse(cycle);
            cycle = new ArrayList<>(cycle.subList(cycle.indexOf(block.name()), cycle.size()));
            cycle.add(block.name());
            reporter.error(Source.Span.of(call), "block '" + block.name() + "' uses itself: " + String.join(" -> ", cycle),
                    "a block cannot contain itself, even through other blocks");
            ok = false;
        }
        if (!ok) {
            scope.bind(local, null, Source.Span.of(call));
            return null;
        }

        parts.blocks.put(scope.path(local), block.name());
        Scope inner = Scope.block(scope.path(local), block.output(), graphName, definitions.values().with(params),
                reporter);
        for (int i = 0; i < inputs.size(); i++) {
            Token in = block.inputs().get(i);
            inner.bind(in.getText(), inputs.get(i), Source.Span.of(in));
        }
        reporter.enter(Source.Span.of(call), "in block '" + block.name() + "', used here");
        expanding.push(block.name());
        try {
            statements(inner, block.tree().statement());
            String out = blockOutput(inner, block);
            scope.bind(local, out, Source.Span.of(call));
            return out;
        } finally {
            expanding.pop();
            reporter.leave();
        }
    }

    /** The graph node a block use produces: its output, which must be a node the block computes. */
    private String blockOutput(Scope inner, Definitions.BlockDef block) {
        Token decl = outputToken(block);
        String out = block.output();
        if (!inner.has(out)) {
            undefined(inner, decl);
            return null;
        }
        for (Token in : block.inputs()) {
            if (in.getText().equals(out)) {
                reporter.error(Source.Span.of(decl), "a block's output must be a node it computes, not its input '"
                        + out + "'", "apply at least one operation, e.g. '" + out + " -> identity() -> y'");
                return null;
            }
        }
        return inner.resolve(out);
    }

    private static Token outputToken(Definitions.BlockDef block) {
        for (NnParser.StatementContext s : block.tree().statement()) {
            if (s.outputDecl() != null) return s.outputDecl().IDENT(0).getSymbol();
        }
        throw new IllegalStateException("a block without output is never expanded");
    }

    private static String count(int inputs) {
        return inputs == 1 ? "1 input" : inputs + " inputs";
    }

    private static String inputNames(Definitions.BlockDef block) {
        List<String> names = new ArrayList<>();
        for (Token t : block.inputs()) names.add(t.getText());
        return String.join(", ", names);
    }

    /** The tokens a rule spans: what visiting it costs, roughly. */
    private static long tokens(org.antlr.v4.runtime.ParserRuleContext rule) {
        return rule.getStop() == null ? 1 : Math.max(1, rule.getStop().getTokenIndex() - rule.getStart().getTokenIndex() + 1);
    }

    private void tooLarge(org.antlr.v4.runtime.ParserRuleContext where) {
        String message = parts.limitMessage();
        if (message != null) {
            reporter.error(Source.Span.of(where), message,
                    "check the repeat counts (nested repeats multiply) and the blocks used inside repeats");
        }
    }

    // ------------------------------------------------------------ names

    /** A node or input used by name: its graph name, or null (reported) when there is none. */
    private String reference(Scope scope, Token ref) {
        if (scope.has(ref.getText())) return scope.resolve(ref.getText());
        undefined(scope, ref);
        return null;
    }

    /** Defines a name in a scope; a second definition is reported. Returns whether the name was new. */
    boolean define(Scope scope, Token name, String graphName) {
        Source.Span earlier = scope.span(name.getText());
        if (scope.has(name.getText()) && earlier != null) {
            reporter.error(Source.Span.of(name), "duplicate name '" + name.getText() + "'",
                    "'" + name.getText() + "' is first defined at line " + earlier.line() + ", column " + earlier.column());
            return false;
        }
        scope.bind(name.getText(), graphName, Source.Span.of(name));
        return true;
    }

    void undefined(Scope scope, Token ref) {
        String name = ref.getText();
        Token later = scope.declared(name);
        String hint;
        if (later != null && later.getStartIndex() > ref.getStartIndex()) {
            hint = "'" + name + "' is defined later, at line " + later.getLine() + "; define it before using it";
        } else {
            String guess = Suggest.closest(name, scope.localNames());
            if (guess == null && scope.values().isConstant(name)) {
                hint = "'" + name + "' is a constant, not a node";
            } else {
                hint = guess != null ? "did you mean '" + guess + "'?" : null;
            }
        }
        reporter.error(Source.Span.of(ref), "undefined node '" + name + "'", hint);
    }

    private void unknownOperation(Token t) {
        String name = t.getText();
        String hint;
        if (registry.losses().containsKey(name)) {
            hint = "'" + name + "' is a loss: it belongs in the train section, as 'loss = " + name + "(...)'";
        } else if (registry.optimizers().containsKey(name)) {
            hint = "'" + name + "' is an optimizer: it belongs in the train section, as 'optimizer = " + name + "(...)'";
        } else if (registry.datasets().containsKey(name)) {
            hint = "'" + name + "' is a data set: it belongs in the train section, as 'data = " + name + "(...)'";
        } else {
            TreeSet<String> known = new TreeSet<>(registry.operationNames());
            known.addAll(definitions.blockNames());
            String guess = Suggest.closest(name, known);
            hint = guess != null ? "did you mean '" + guess + "'?" : "'nn plugins' lists the operations there are; an operation from a plugin needs --plugins DIR";
        }
        reporter.error(Source.Span.of(t), "unknown operation '" + name + "'", hint);
    }

    GraphParts.Origin origin(Token t) {
        return new GraphParts.Origin(Source.Span.of(t), reporter.context());
    }

    private GraphParts.Origin origin(NnParser.CallContext call) {
        return new GraphParts.Origin(Source.Span.of(call), reporter.context());
    }
}
