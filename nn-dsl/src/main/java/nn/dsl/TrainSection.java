package nn.dsl;

import nn.api.graph.Call;
import nn.api.graph.LossSpec;
import nn.api.graph.TrainSettings;
import nn.api.graph.TrainSpec;
import nn.api.registry.Registry;
import nn.api.schema.Suggest;
import nn.api.spi.Provider;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The `train` section as a {@link TrainSpec}. Every key is checked: `data`, `loss` and
 * `optimizer` are calls of registered providers, bound through their schemas; the plain
 * settings are checked against their declarations in {@link TrainSettings}, the rules between
 * them by its validator. A train section needs data, loss and optimizer.
 */
final class TrainSection {

    /**
     * The names a loss's target can have: both stand for the data set's targets, `label` reads
     * better for classes (`cross_entropy(logits, label)`), `target` for values (`mse(y, target)`).
     */
    static final String TARGET = "label";
    static final List<String> TARGETS = List.of(TARGET, "target");

    private final Registry registry;
    private final Reporter reporter;
    private final Values values;
    private final ArgumentBinder binder;
    private final Set<String> modelNames;
    private final List<String> outputs;

    /** @param modelNames the model's inputs and nodes, or null when there is no model to check against */
    TrainSection(Registry registry, Reporter reporter, Values values, ArgumentBinder binder, Set<String> modelNames,
                 List<String> outputs) {
        this.registry = registry;
        this.reporter = reporter;
        this.values = values;
        this.binder = binder;
        this.modelNames = modelNames;
        this.outputs = outputs;
    }

    TrainSpec build(NnParser.TrainContext train) {
        Map<String, Token> seen = new LinkedHashMap<>();
        Call data = null;
        LossSpec loss = null;
        Call optimizer = null;
        Call schedule = null;
        TrainSettings.Builder settings = TrainSettings.builder();

        for (NnParser.SettingContext s : train.setting()) {
            Token key = s.key;
            String k = key.getText();
            if (!TrainSpec.KEYS.contains(k)) {
                String guess = Suggest.closest(k, TrainSpec.KEYS);
                reporter.error(Source.Span.of(key), "unknown train setting '" + k + "'; the settings are "
                        + String.join(", ", TrainSpec.KEYS), guess != null ? "did you mean '" + guess + "'?" : null);
                continue;
            }
            Token first = seen.putIfAbsent(k, key);
            if (first != null) {
                reporter.error(Source.Span.of(key), "'" + k + "' is set twice", "first set at line " + first.getLine());
                continue;
            }
            switch (k) {
                case "data" -> {
                    NnParser.CallContext c = requireCall(s, "a data set", "mnist()");
                    if (c != null) data = call(c, registry.datasets(), "data set");
                }
                case "optimizer" -> {
                    NnParser.CallContext c = requireCall(s, "an optimizer", "adam(lr = 1e-3)");
                    if (c != null) optimizer = call(c, registry.optimizers(), "optimizer");
                }
                case "schedule" -> {
                    NnParser.CallContext c = requireCall(s, "a learning-rate schedule", "cosine(warmup = 1)");
                    if (c != null) schedule = call(c, registry.schedules(), "schedule");
                }
                case "loss" -> {
                    NnParser.CallContext c = requireCall(s, "a loss", "cross_entropy(" + outputExample() + ", label)");
                    if (c != null) loss = loss(c);
                }
                default -> plain(s, settings);
            }
        }

        Token at = train.TRAIN().getSymbol();
        if (!seen.containsKey("data")) missing(at, "data", "data = mnist()");
        if (!seen.containsKey("loss")) missing(at, "loss", "loss = cross_entropy(" + outputExample() + ", label)");
        if (!seen.containsKey("optimizer")) missing(at, "optimizer", "optimizer = adam(lr = 1e-3)");

        TrainSettings checked = settings.build();
        for (TrainSettings.Problem p : checked.problems()) { // the rules between settings; each value passed on its own
            Token key = seen.getOrDefault(p.key(), at);
            reporter.error(Source.Span.of(key), p.message(), p.hint());
        }
        return new TrainSpec(data, loss, optimizer, schedule, checked);
    }

    private void missing(Token at, String key, String example) {
        reporter.error(Source.Span.of(at), "the train section needs '" + key + "'", "e.g. " + example);
    }

    private String outputExample() {
        return outputs.isEmpty() ? "logits" : outputs.get(0);
    }

    /** A plain setting (batch, epochs, validation, ...): checked against its declaration in {@link TrainSettings}. */
    private void plain(NnParser.SettingContext s, TrainSettings.Builder settings) {
        Object v = values.convert(s.value());
        if (v == Values.INVALID) return;
        Source.Span at = Source.Span.of(s.value());
        settings.accept(TrainSettings.find(s.key.getText()), v, (where, message, hint) -> reporter.error(at, message, hint));
    }

    /** `data = mnist()`: the value must be a call. */
    private NnParser.CallContext requireCall(NnParser.SettingContext s, String what, String example) {
        NnParser.ValueContext v = s.value();
        if (v instanceof NnParser.CallValueContext c) return c.call();
        String key = s.key.getText();
        if (v instanceof NnParser.NameValueContext n) {
            reporter.error(Source.Span.of(n), "'" + key + "' needs a call: write '" + n.getText() + "()'", null);
        } else {
            reporter.error(Source.Span.of(v), "'" + key + "' must be " + what + ", called like " + example, null);
        }
        return null;
    }

    /** A call of a data set or optimizer provider, its arguments bound. */
    private Call call(NnParser.CallContext c, Map<String, ? extends Provider> providers, String kind) {
        Provider provider = provider(c.name, providers, kind);
        if (provider == null) return null;
        return new Call(c.name.getText(), binder.bind(c, provider.schema(), 0).args());
    }

    private Provider provider(Token name, Map<String, ? extends Provider> providers, String kind) {
        Provider provider = providers.get(name.getText());
        if (provider == null) {
            String guess = Suggest.closest(name.getText(), providers.keySet());
            String hint = guess != null ? "did you mean '" + guess + "'?"
                    : providers.isEmpty() ? "no " + kind + " is installed"
                    : "the " + kind + "s are " + String.join(", ", providers.keySet());
            reporter.error(Source.Span.of(name), "unknown " + kind + " '" + name.getText() + "'", hint);
        }
        return provider;
    }

    /** `loss = cross_entropy(logits, label, ...)`: the node the loss reads, the target, then its own arguments. */
    private LossSpec loss(NnParser.CallContext c) {
        String name = c.name.getText();
        Provider provider = provider(c.name, registry.losses(), "loss");
        String example = name + "(" + outputExample() + ", " + TARGET + ")";
        List<NnParser.ArgumentContext> positional = new ArrayList<>();
        for (NnParser.ArgumentContext a : c.argument()) if (a.name == null) positional.add(a);

        String output = null;
        String target = null;
        if (positional.size() < 2) {
            reporter.error(Source.Span.of(c), "'" + name + "' needs the node it reads and the target",
                    "e.g. " + example);
        }
        if (!positional.isEmpty()) output = lossOutput(positional.get(0), example);
        if (positional.size() >= 2) target = lossTarget(positional.get(1));

        Map<String, Object> args = Map.of();
        if (provider != null) args = binder.bind(c, provider.schema(), Math.min(2, positional.size())).args();
        return new LossSpec(name, output, target, args);
    }

    private String lossOutput(NnParser.ArgumentContext arg, String example) {
        if (!(arg.value() instanceof NnParser.NameValueContext n)) {
            reporter.error(Source.Span.of(arg), "the first argument of a loss is the node it reads, as a bare name",
                    "e.g. " + example);
            return null;
        }
        String node = n.getText();
        if (modelNames != null && !modelNames.contains(node)) {
            String guess = Suggest.closest(node, modelNames);
            reporter.error(Source.Span.of(n), "undefined node '" + node + "'",
                    guess != null ? "did you mean '" + guess + "'?" : null);
        }
        return node;
    }

    private String lossTarget(NnParser.ArgumentContext arg) {
        if (arg.value() instanceof NnParser.NameValueContext n && TARGETS.contains(n.getText())) return n.getText();
        if (arg.value() instanceof NnParser.NameValueContext n) {
            String guess = Suggest.closest(n.getText(), TARGETS);
            reporter.error(Source.Span.of(n), "unknown target '" + n.getText() + "'",
                    guess != null ? "did you mean '" + guess + "'?"
                            : "the target is 'label' or 'target', the data set's labels or values");
        } else {
            reporter.error(Source.Span.of(arg), "the second argument of a loss is the target, 'label' or 'target'",
                    "'label' and 'target' stand for the data set's labels or values");
        }
        return null;
    }
}
