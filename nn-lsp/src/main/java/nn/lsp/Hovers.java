package nn.lsp;

import nn.api.graph.Shape;
import nn.api.network.ModelSummary;
import nn.api.schema.Param;
import nn.api.spi.Provider;
import nn.dsl.Compiled;
import nn.dsl.SourceIndex;
import nn.api.graph.TrainSettings;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the cursor is on, in Markdown: a node's output shape and parameter count (from the
 * last version that compiled), a call's parameters with types, defaults and descriptions and
 * the jar its provider came from, a block's signature, a constant's value.
 */
final class Hovers {
    private final Providers providers;
    private final Targets targets;

    Hovers(Providers providers, Targets targets) {
        this.providers = providers;
        this.targets = targets;
    }

    Hover hover(Path file, SourceIndex index, Compiled model, boolean stale, int line, int column) {
        SourceIndex.Mention m = index.mentionAt(line, column);
        String md = null;
        if (m != null) {
            Targets.Target target = targets.resolve(file, index, m);
            if (target != null) md = describe(target, model, stale);
            else if (m.call()) {
                Provider p = providers.find(m.name());
                if (p != null) md = ProviderDocs.markdown(p);
            }
            if (md == null) return null;
            return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md), Positions.range(m.at()));
        }
        SourceIndex.Symbol s = index.symbolAt(line, column);
        if (s != null && s.kind() == SourceIndex.Kind.SETTING) {
            md = setting(s.name());
            return md == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, md), Positions.range(s.at()));
        }
        if (s != null && s.kind() == SourceIndex.Kind.IMPORT) {
            Path imported = Targets.importedFile(file, s);
            md = "import of `" + (imported == null ? s.detail() : imported) + "`";
            return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md), Positions.range(s.at()));
        }
        return null;
    }

    /** A train setting: a plain one's type, range, default and description, or the providers a call-taking one accepts. */
    private String setting(String key) {
        Param plain = TrainSettings.SCHEMA.find(key);
        if (plain != null) return "```nn\n" + plain.signature() + "\n```\n\n" + plain.doc();
        Map<String, ? extends Provider> kind = providers.forSetting(key);
        if (kind.isEmpty()) return null;
        return "`" + key + "` takes one of: " + String.join(", ", kind.keySet().stream().map(n -> "`" + n + "()`").toList());
    }

    private String describe(Targets.Target target, Compiled model, boolean stale) {
        SourceIndex.Symbol s = target.symbol();
        String where = target.file().getFileName().toString();
        return switch (s.kind()) {
            case BLOCK -> "```nn\nblock " + s.detail() + "\n```\n\nblock defined in `" + where + "` line " + s.at().line();
            case CONSTANT -> "```nn\n" + s.detail() + "\n```";
            case PARAMETER -> "```nn\n" + s.detail() + "\n```\n\nparameter of " + s.scope().replace(':', ' ');
            case INPUT, NODE -> node(s, model, stale);
            default -> null;
        };
    }

    private String node(SourceIndex.Symbol s, Compiled model, boolean stale) {
        StringBuilder md = new StringBuilder("```nn\n").append(s.kind() == SourceIndex.Kind.INPUT ? s.detail() : s.name())
                .append("\n```\n\n");
        if (model == null) return md.append("no shapes yet: the file has not compiled").toString();
        Map<String, Shape> shapes = model.shapes();
        List<ModelSummary.Row> rows = ModelSummary.rows(model.graph(), shapes, providers.registry());
        if (s.scope().startsWith("model:")) {
            md.append(line(s.name(), shapes.get(s.name()), rows, model.blocks().get(s.name()))).append('\n');
        } else if (s.scope().startsWith("block:")) {
            String block = s.scope().substring("block:".length());
            List<String> uses = new ArrayList<>();
            for (Map.Entry<String, String> use : model.blocks().entrySet()) {
                if (!use.getValue().equals(block)) continue;
                String graphName = shapes.containsKey(use.getKey() + "." + s.name()) ? use.getKey() + "." + s.name() : use.getKey();
                if (s.kind() == SourceIndex.Kind.INPUT) continue;
                uses.add("- in `" + use.getKey() + "`: " + line(graphName, shapes.get(graphName), rows, null));
            }
            md.append(uses.isEmpty() ? "its shape depends on where the block is used" : "per use of the block:\n" + String.join("\n", uses));
            md.append('\n');
        }
        if (stale) md.append("\n_(from the last version that compiled)_");
        return md.toString();
    }

    /**
     * `output [10] · 650 parameters (dense)`; for a use of a block (`block` not null), the
     * parameters of every node inside it, and the block's name.
     */
    private static String line(String graphName, Shape shape, List<ModelSummary.Row> rows, String block) {
        long parameters = 0;
        String op = null;
        for (ModelSummary.Row r : rows) {
            if (r.name().equals(graphName)) op = r.op();
            if (r.name().equals(graphName) || (block != null && r.name().startsWith(graphName + "."))) parameters += r.parameters();
        }
        String what = block != null ? "block `" + block + "`" : op == null ? null : "`" + op + "`";
        return "output `" + (shape == null ? "?" : shape.toString()) + "` · " + String.format("%,d", parameters)
                + (parameters == 1 ? " parameter" : " parameters") + (what == null ? "" : " (" + what + ")");
    }
}
