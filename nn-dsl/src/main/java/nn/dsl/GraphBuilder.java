package nn.dsl;

import nn.api.graph.Graph;
import nn.api.graph.TrainSpec;
import nn.api.registry.Registry;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * From the main file's parse tree to a {@link Graph}: its one model (statements built by
 * {@link Expander}, blocks expanded into primitive nodes), its outputs, and its train section.
 *
 * <p>Naming: a node gets the name written for it (`h = x -> dense(64)` or `-> dense(64) -> h`,
 * which both name the chain's last node), or else `op_k`, counting each operation's unnamed
 * nodes from 1 (`dense_1`, `relu_1`, `dense_2`) and skipping names written elsewhere in the
 * model. A block's nodes are named after its use: `res1.dense_1`, and its output `res1`.
 */
final class GraphBuilder {

    /** The graph, and what was learnt building it (where each node was written, ...). */
    record Built(Graph graph, GraphParts parts, Source.Span modelSpan) {
    }

    private final Registry registry;
    private final Reporter reporter;
    private final Definitions definitions;

    GraphBuilder(Registry registry, Reporter reporter, Definitions definitions) {
        this.registry = registry;
        this.reporter = reporter;
        this.definitions = definitions;
    }

    Built build(NnParser.FileContext file) {
        List<NnParser.ModelContext> models = new ArrayList<>();
        List<NnParser.TrainContext> trains = new ArrayList<>();
        for (NnParser.DeclarationContext d : file.declaration()) {
            if (d.model() != null) models.add(d.model());
            if (d.train() != null) trains.add(d.train());
        }

        GraphParts parts = new GraphParts();
        Scope scope = Scope.model(definitions.values(), reporter);
        List<String> outputs = new ArrayList<>();
        String name = null;
        Source.Span modelSpan = Source.Span.FILE;
        if (models.isEmpty()) {
            reporter.error(Source.Span.FILE, "no model in this file", "a model is written 'model NAME { ... }'");
        } else {
            NnParser.ModelContext model = models.get(0);
            name = model.name.getText();
            modelSpan = Source.Span.of(model.name);
            Expander expander = new Expander(registry, reporter, definitions, parts);
            expander.statements(scope, model.statement());
            outputs(model, scope, expander, parts, outputs);
            for (NnParser.ModelContext extra : models.subList(1, models.size())) {
                reporter.error(Source.Span.of(extra.name), "only one model per file",
                        "model '" + name + "' is defined at line " + model.name.getLine());
            }
        }

        TrainSpec train = null;
        if (!trains.isEmpty()) {
            train = new TrainSection(registry, reporter, scope.values(), scope.binder(),
                    models.isEmpty() ? null : scope.localNames(), outputs).build(trains.get(0));
            for (NnParser.TrainContext extra : trains.subList(1, trains.size())) {
                reporter.error(Source.Span.of(extra.TRAIN().getSymbol()), "only one train section per file",
                        "the first is at line " + trains.get(0).TRAIN().getSymbol().getLine());
            }
        }
        Graph graph = new Graph(name == null ? "" : name, parts.inputs, parts.nodes, outputs, train);
        return new Built(graph, parts, modelSpan);
    }

    /** Outputs may be declared anywhere in the model: they are resolved once every node exists. */
    private void outputs(NnParser.ModelContext model, Scope scope, Expander expander, GraphParts parts,
                         List<String> outputs) {
        List<NnParser.OutputDeclContext> decls = new ArrayList<>();
        for (NnParser.StatementContext s : model.statement()) if (s.outputDecl() != null) decls.add(s.outputDecl());
        if (decls.isEmpty()) {
            reporter.error(Source.Span.of(model.name), "model '" + model.name.getText() + "' has no output",
                    "add 'output NAME' naming the node the model produces");
        }
        for (NnParser.OutputDeclContext decl : decls) {
            for (var id : decl.IDENT()) {
                Token t = id.getSymbol();
                if (!scope.has(t.getText())) {
                    if (!parts.full()) expander.undefined(scope, t); // else the model was cut short, reported
                } else if (outputs.contains(scope.resolve(t.getText()))) {
                    reporter.error(Source.Span.of(t), "'" + t.getText() + "' is already an output", null);
                } else if (scope.resolve(t.getText()) != null) {
                    outputs.add(scope.resolve(t.getText()));
                }
            }
        }
    }
}
