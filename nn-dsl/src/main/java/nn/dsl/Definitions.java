package nn.dsl;

import nn.api.registry.Registry;
import nn.dsl.grammar.NnParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file-level definitions of the main file and its imports: constants (`let`) and blocks.
 * Each is checked where it is written: a name defined twice, a block without its one output,
 * a block named like an operation.
 */
final class Definitions {

    /** A block as written: its parameters, its inputs (in order) and the name of its output (null: the block is broken). */
    record BlockDef(String name, NnParser.BlockContext tree, List<Token> inputs, String output) {
        Source.Span span() {
            return Source.Span.of(tree.name);
        }

        List<NnParser.BlockParamContext> params() {
            return tree.blockParam();
        }
    }

    private final Reporter reporter;
    private final Registry registry;
    private Values values;
    private final Map<String, Source.Span> constantSpans = new LinkedHashMap<>();
    private final Map<String, BlockDef> blocks = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final OverrideCheck overrides;

    /** Definitions whose constants may be replaced by the command line's values. */
    Definitions(Reporter reporter, Registry registry, OverrideCheck overrides) {
        this.reporter = reporter;
        this.registry = registry;
        this.values = new Values(reporter);
        this.overrides = overrides;
    }

    /** The names of every constant defined, in order. */
    Set<String> constantNames() {
        return constantSpans.keySet();
    }

    void collect(List<Imports.Unit> units) {
        for (Imports.Unit unit : units) {
            for (NnParser.DeclarationContext d : unit.tree().declaration()) {
                if (d.letDecl() != null) let(d.letDecl());
                if (d.block() != null) block(d.block());
            }
        }
    }

    /** The constants, as values see them. */
    Values values() {
        return values;
    }

    BlockDef block(String name) {
        return blocks.get(name);
    }

    Set<String> blockNames() {
        return blocks.keySet();
    }

    void markUsed(String block) {
        used.add(block);
    }

    /** A warning for every constant and block defined in the main file and never used. */
    void warnUnused(Source main) {
        for (Map.Entry<String, Source.Span> c : constantSpans.entrySet()) {
            Source.Span at = c.getValue();
            boolean inMain = at.source() == null || at.source().equals(main.name());
            if (inMain && !values.used(c.getKey())) {
                reporter.warning(at, "constant '" + c.getKey() + "' is never used", null);
            }
        }
        for (BlockDef b : blocks.values()) {
            Source.Span at = b.span();
            boolean inMain = at.source() == null || at.source().equals(main.name());
            if (inMain && !used.contains(b.name())) {
                reporter.warning(at, "block '" + b.name() + "' is never used", null);
            }
        }
    }

    private void let(NnParser.LetDeclContext let) {
        String name = let.name.getText();
        Source.Span at = Source.Span.of(let.name);
        Source.Span first = constantSpans.get(name);
        if (first != null) {
            reporter.error(at, "constant '" + name + "' is defined twice", "first defined at " + where(first));
            return;
        }
        constantSpans.put(name, at);
        Object v = values.convert(let.value());
        if (v != Values.INVALID) v = overrides.apply(name, v, at);
        if (v != Values.INVALID) values = values.with(Map.of(name, v));
    }

    private void block(NnParser.BlockContext b) {
        String name = b.name.getText();
        Source.Span at = Source.Span.of(b.name);
        BlockDef first = blocks.get(name);
        if (first != null) {
            reporter.error(at, "block '" + name + "' is defined twice", "first defined at " + where(first.span()));
            return;
        }
        if (registry.operation(name) != null) {
            reporter.error(at, "'" + name + "' is an operation; a block needs a name of its own", null);
            return;
        }
        Set<String> params = new LinkedHashSet<>();
        for (NnParser.BlockParamContext p : b.blockParam()) {
            if (!params.add(p.name.getText())) {
                reporter.error(Source.Span.of(p.name), "parameter '" + p.name.getText() + "' is declared twice", null);
            }
        }
        List<Token> inputs = new ArrayList<>();
        List<Token> outputs = new ArrayList<>();
        for (NnParser.StatementContext s : b.statement()) {
            if (s.inputDecl() != null) {
                inputs.add(s.inputDecl().name);
                if (s.inputDecl().shape != null) {
                    reporter.error(Source.Span.of(s.inputDecl().shape), "a block's input has no shape of its own",
                            "it takes the shape of what the block is applied to: write 'input "
                                    + s.inputDecl().name.getText() + "'");
                }
            }
            if (s.outputDecl() != null) for (var id : s.outputDecl().IDENT()) outputs.add(id.getSymbol());
        }
        boolean ok = true;
        if (inputs.isEmpty()) {
            reporter.error(at, "block '" + name + "' has no input", "declare what it reads with 'input x'");
            ok = false;
        }
        if (outputs.isEmpty()) {
            reporter.error(at, "block '" + name + "' has no output", "name the node it produces with 'output NAME'");
            ok = false;
        }
        for (Token extra : outputs.subList(Math.min(1, outputs.size()), outputs.size())) {
            reporter.error(Source.Span.of(extra), "a block has exactly one output",
                    "'" + outputs.get(0).getText() + "' is its output already");
            ok = false;
        }
        // A broken block is kept, so that its uses are not reported as unknown operations too.
        blocks.put(name, new BlockDef(name, b, inputs, ok ? outputs.get(0).getText() : null));
    }

    private static String where(Source.Span s) {
        return (s.source() != null ? s.source() + ":" : "line ") + s.line() + (s.source() != null ? ":" + s.column() : "");
    }
}
