package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.GraphInput;
import nn.api.graph.Node;
import nn.api.graph.Shape;
import nn.api.graph.TrainSpec;
import nn.api.registry.Registry;
import nn.api.schema.Suggest;
import nn.api.spi.Provider;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From parse tree to {@link Graph}: names every node, binds every call's arguments through
 * its provider's schema, resolves names, and keeps where each node was written. Problems
 * are reported and building goes on, so that one run finds them all; shapes are checked
 * afterwards ({@link ShapeChecker}) on the nodes that built cleanly.
 *
 * <p>Naming: a node gets the name written for it (`h = x -> dense(64)` or `-> dense(64) -> h`,
 * which both name the chain's last node), or else `op_k`, counting each operation's unnamed
 * nodes from 1 (`dense_1`, `relu_1`, `dense_2`) and skipping names written elsewhere in the model.
 */
final class GraphBuilder {

    /** The graph, where each node's call was written, and the nodes fit for shape inference. */
    record Built(Graph graph, Map<String, Source.Span> nodeSpans, Set<String> checkable, Source.Span modelSpan) {
    }

    /** A name defined in the model, an input or a node, and where. */
    private record Definition(String name, Source.Span span) {
    }

    private final Registry registry;
    private final Reporter reporter;
    private final Values values;
    private final ArgumentBinder binder;

    private final Map<String, Definition> defined = new LinkedHashMap<>();
    /** Every name written in the model, with where it is first written (for "defined later" and auto-naming). */
    private final Map<String, Token> declared = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<GraphInput> inputs = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Source.Span> nodeSpans = new LinkedHashMap<>();
    private final Set<String> checkable = new LinkedHashSet<>();
    private final List<String> outputs = new ArrayList<>();

    GraphBuilder(Registry registry, Reporter reporter) {
        this.registry = registry;
        this.reporter = reporter;
        this.values = new Values(reporter);
        this.binder = new ArgumentBinder(reporter, values);
    }

    Built build(NnParser.FileContext file) {
        List<NnParser.ModelContext> models = new ArrayList<>();
        List<NnParser.TrainContext> trains = new ArrayList<>();
        for (NnParser.DeclarationContext d : file.declaration()) {
            if (d.model() != null) models.add(d.model());
            if (d.train() != null) trains.add(d.train());
        }

        String name = null;
        Source.Span modelSpan = Source.Span.FILE;
        if (models.isEmpty()) {
            reporter.error(Source.Span.FILE, "no model in this file", "a model is written 'model NAME { ... }'");
        } else {
            NnParser.ModelContext model = models.get(0);
            name = model.name.getText();
            modelSpan = Source.Span.of(model.name);
            model(model);
            for (NnParser.ModelContext extra : models.subList(1, models.size())) {
                reporter.error(Source.Span.of(extra.name), "only one model per file",
                        "model '" + name + "' is defined at line " + model.name.getLine());
            }
        }

        TrainSpec train = null;
        if (!trains.isEmpty()) {
            Set<String> names = models.isEmpty() ? null : defined.keySet();
            train = new TrainSection(registry, reporter, values, binder, names, outputs).build(trains.get(0));
            for (NnParser.TrainContext extra : trains.subList(1, trains.size())) {
                reporter.error(Source.Span.of(extra.TRAIN().getSymbol()), "only one train section per file",
                        "the first is at line " + trains.get(0).TRAIN().getSymbol().getLine());
            }
        }
        Graph graph = new Graph(name == null ? "" : name, inputs, nodes, outputs, train);
        return new Built(graph, nodeSpans, checkable, modelSpan);
    }

    // ------------------------------------------------------------ model

    private void model(NnParser.ModelContext model) {
        for (NnParser.StatementContext s : model.statement()) declareNames(s);
        List<NnParser.OutputDeclContext> outputDecls = new ArrayList<>();
        for (NnParser.StatementContext s : model.statement()) {
            if (s.inputDecl() != null) input(s.inputDecl());
            else if (s.outputDecl() != null) outputDecls.add(s.outputDecl());
            else if (s.assignment() != null) chain(s.assignment().chain(), s.assignment().name);
            else if (s.chain() != null) chain(s.chain(), null);
        }
        // Outputs may be declared anywhere in the model: they are resolved once every node exists.
        if (outputDecls.isEmpty()) {
            reporter.error(Source.Span.of(model.name), "model '" + model.name.getText() + "' has no output",
                    "add 'output NAME' naming the node the model produces");
        }
        for (NnParser.OutputDeclContext decl : outputDecls) {
            for (var id : decl.IDENT()) {
                Token t = id.getSymbol();
                if (!defined.containsKey(t.getText())) {
                    undefined(t);
                } else if (outputs.contains(t.getText())) {
                    reporter.error(Source.Span.of(t), "'" + t.getText() + "' is already an output", null);
                } else {
                    outputs.add(t.getText());
                }
            }
        }
    }

    private void declareNames(NnParser.StatementContext s) {
        if (s.inputDecl() != null) declare(s.inputDecl().name);
        NnParser.ChainContext chain = s.chain();
        if (s.assignment() != null) {
            declare(s.assignment().name);
            chain = s.assignment().chain();
        }
        if (chain != null && !chain.step().isEmpty()
                && chain.step(chain.step().size() - 1) instanceof NnParser.NameStepContext last) {
            declare(last.IDENT().getSymbol());
        }
    }

    private void declare(Token name) {
        if (name != null) declared.putIfAbsent(name.getText(), name);
    }

    /** input image: [1, 28, 28] */
    private void input(NnParser.InputDeclContext decl) {
        boolean fresh = define(decl.name);
        Shape shape = shape(decl.shape);
        if (fresh && shape != null) inputs.add(new GraphInput(decl.name.getText(), shape));
    }

    private Shape shape(NnParser.ListContext list) {
        if (list.value().isEmpty()) {
            reporter.error(Source.Span.of(list), "an input shape needs at least one dimension", "e.g. [1, 28, 28]");
            return null;
        }
        int[] dims = new int[list.value().size()];
        boolean ok = true;
        for (int i = 0; i < dims.length; i++) {
            NnParser.ValueContext v = list.value(i);
            Object o = values.convert(v);
            if (o == Values.INVALID) {
                ok = false;
            } else if (o instanceof Integer d && d >= 1) {
                dims[i] = d;
            } else {
                boolean number = o instanceof Integer || o instanceof Long;
                reporter.error(Source.Span.of(v), "a dimension must be a positive integer, not " + Values.show(o),
                        number && ((Number) o).longValue() < 1
                                ? "a shape describes one example: leave the batch dimension out" : null);
                ok = false;
            }
        }
        return ok ? Shape.of(dims) : null;
    }

    /** image -> flatten() -> dense(128) -> name */
    private void chain(NnParser.ChainContext chain, Token assigned) {
        Token source = chain.source;
        String previous = source.getText();
        if (!defined.containsKey(previous)) undefined(source);

        List<NnParser.StepContext> steps = chain.step();
        if (steps.isEmpty()) {
            if (assigned != null) {
                reporter.error(Source.Span.of(assigned), "nothing to name: the chain applies no operation",
                        "a name is given to an operation's result, as in '" + assigned.getText() + " = "
                                + previous + " -> relu()'");
            } else {
                reporter.error(Source.Span.of(source), "'" + previous + "' alone does nothing",
                        "apply operations to it, as in '" + previous + " -> relu()'");
            }
            return;
        }
        int last = steps.size() - 1;
        int lastCall = -1;
        for (int i = 0; i < steps.size(); i++) if (steps.get(i) instanceof NnParser.CallStepContext) lastCall = i;

        Token name = assigned;
        if (steps.get(last) instanceof NnParser.NameStepContext trailing) {
            Token t = trailing.IDENT().getSymbol();
            if (assigned != null) {
                reporter.error(Source.Span.of(t), "this node is already named '" + assigned.getText() + "'",
                        "name a node either with 'NAME = ...' or with '-> NAME' at the end, not both");
            } else if (lastCall < 0) {
                reporter.error(Source.Span.of(t), "nothing to name: the chain applies no operation",
                        "a name ends a chain of operations, as in '" + previous + " -> relu() -> " + t.getText() + "'");
            } else if (registry.operation(t.getText()) != null) {
                reporter.error(Source.Span.of(t), "'" + t.getText() + "' is an operation: write '" + t.getText()
                        + "()' to apply it", "to name the node, choose a name that is not an operation");
            } else {
                name = t;
            }
        }
        if (assigned != null && lastCall < 0 && !(steps.get(last) instanceof NnParser.NameStepContext)) {
            reporter.error(Source.Span.of(assigned), "nothing to name: the chain applies no operation", null);
        }

        for (int i = 0; i < steps.size(); i++) {
            NnParser.StepContext step = steps.get(i);
            if (step instanceof NnParser.CallStepContext c) {
                previous = node(c.call(), previous, i == lastCall ? name : null);
            } else if (i != last) {
                Token t = ((NnParser.NameStepContext) step).IDENT().getSymbol();
                String word = t.getText();
                if (registry.operation(word) != null) {
                    reporter.error(Source.Span.of(t), "'" + word + "' is an operation: write '" + word
                            + "()' to apply it", null);
                } else {
                    reporter.error(Source.Span.of(t), "a name can only end a chain",
                            "to go on from '" + word + "', start a new line with '" + word + " -> ...'");
                }
            }
        }
    }

    /** One operation call: a node reading `input`. Returns the node's name. */
    private String node(NnParser.CallContext call, String input, Token explicit) {
        String op = call.name.getText();
        Provider provider = registry.operation(op);
        boolean ok;
        Map<String, Object> args = Map.of();
        if (provider == null) {
            unknownOperation(call.name);
            ok = false;
        } else {
            ArgumentBinder.Bound bound = binder.bind(call, provider.schema(), 0);
            args = bound.args();
            ok = bound.ok();
        }
        Source.Span span = Source.Span.of(call);
        String name;
        if (explicit != null) {
            name = explicit.getText();
            if (!define(explicit)) return name;
        } else {
            name = autoName(op);
            defined.put(name, new Definition(name, span));
        }
        nodes.add(new Node(name, op, List.of(input), args));
        nodeSpans.put(name, span);
        if (ok) checkable.add(name);
        return name;
    }

    /** `dense_1`, `dense_2`, ...: per operation, skipping names the model writes itself. */
    private String autoName(String op) {
        String name;
        do {
            int k = counters.merge(op, 1, Integer::sum);
            name = op + "_" + k;
        } while (declared.containsKey(name) || defined.containsKey(name));
        return name;
    }

    /** Defines a name; a second definition is reported. Returns whether the name was new. */
    private boolean define(Token name) {
        Definition earlier = defined.get(name.getText());
        if (earlier != null) {
            reporter.error(Source.Span.of(name), "duplicate name '" + name.getText() + "'",
                    "'" + name.getText() + "' is first defined at line " + earlier.span().line() + ", column "
                            + earlier.span().column());
            return false;
        }
        defined.put(name.getText(), new Definition(name.getText(), Source.Span.of(name)));
        return true;
    }

    private void undefined(Token ref) {
        String name = ref.getText();
        Token later = declared.get(name);
        String hint;
        if (later != null && later.getStartIndex() > ref.getStartIndex()) {
            hint = "'" + name + "' is defined later, at line " + later.getLine() + "; define it before using it";
        } else {
            String guess = Suggest.closest(name, defined.keySet());
            hint = guess != null ? "did you mean '" + guess + "'?" : null;
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
            String guess = Suggest.closest(name, registry.operationNames());
            hint = guess != null ? "did you mean '" + guess + "'?" : "'nn plugins' lists the operations there are";
        }
        reporter.error(Source.Span.of(t), "unknown operation '" + name + "'", hint);
    }
}
