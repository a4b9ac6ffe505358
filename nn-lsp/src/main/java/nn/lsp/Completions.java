package nn.lsp;

import nn.api.graph.TrainSpec;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.spi.Provider;
import nn.dsl.SourceIndex;
import nn.api.graph.TrainSettings;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What may be typed at the cursor: in a model or block, operations (the registry's, plugins'
 * included) and blocks, and the nodes in scope; inside a call, its parameter names, and after
 * `name =` the values it allows; in a train section, its keys, and after `data =`, `loss =`,
 * `optimizer =` or `schedule =` the providers of that kind.
 */
final class Completions {
    private static final List<String> TOP_LEVEL = List.of("model", "block", "train", "import", "let");
    private static final List<String> IN_SECTION = List.of("input", "output", "repeat");

    private final Providers providers;

    Completions(Providers providers) {
        this.providers = providers;
    }

    List<CompletionItem> complete(SourceIndex index, CursorContext at, int line, int column) {
        Map<String, CompletionItem> items = new LinkedHashMap<>();
        if (at.call() != null) {
            inCall(index, at, line, column, items);
        } else if (at.section() == CursorContext.Section.TRAIN) {
            inTrain(index, at, line, column, items);
        } else if (at.section() == CursorContext.Section.FILE) {
            for (String k : TOP_LEVEL) add(items, k, CompletionItemKind.Keyword, null, null);
        } else {
            operations(index, items);
            names(index, line, column, items);
            for (String k : IN_SECTION) add(items, k, CompletionItemKind.Keyword, null, null);
        }
        List<CompletionItem> out = new ArrayList<>();
        for (CompletionItem item : items.values()) if (item.getLabel().startsWith(at.prefix())) out.add(item);
        return out;
    }

    private void inCall(SourceIndex index, CursorContext at, int line, int column, Map<String, CompletionItem> items) {
        Provider p = providers.find(at.call());
        if (at.valueOf() != null && p != null && p.schema().find(at.valueOf()) != null) {
            Param param = p.schema().find(at.valueOf());
            for (String v : param.allowed()) add(items, "\"" + v + "\"", CompletionItemKind.EnumMember, param.signature(), null);
            if (param.type() == ParamType.BOOL) {
                add(items, "true", CompletionItemKind.Keyword, null, null);
                add(items, "false", CompletionItemKind.Keyword, null, null);
            }
            if (!items.isEmpty()) return;
        }
        if (p != null && at.valueOf() == null) {
            for (Param param : p.schema().params()) {
                CompletionItem item = add(items, param.name(), CompletionItemKind.Property, param.signature(), param.doc());
                item.setInsertText(param.name() + " = ");
            }
        }
        names(index, line, column, items);
        operations(index, items);
    }

    private void inTrain(SourceIndex index, CursorContext at, int line, int column, Map<String, CompletionItem> items) {
        if (at.valueOf() == null) {
            for (String key : TrainSpec.KEYS) {
                Param plain = TrainSettings.SCHEMA.find(key);
                CompletionItem item = add(items, key, CompletionItemKind.Field,
                        plain != null ? plain.signature() : "train setting: a call", plain != null ? plain.doc() : null);
                item.setInsertText(key + " = ");
            }
            return;
        }
        Map<String, ? extends Provider> kind = providers.forSetting(at.valueOf());
        for (Provider p : kind.values()) provider(items, p);
        switch (at.valueOf()) {
            case "backend" -> {
                for (String b : List.of("auto", "cpu", "cuda")) add(items, "\"" + b + "\"", CompletionItemKind.EnumMember, null, null);
            }
            case "shuffle" -> {
                add(items, "true", CompletionItemKind.Keyword, null, null);
                add(items, "false", CompletionItemKind.Keyword, null, null);
            }
            default -> {
            }
        }
        if (kind.isEmpty()) names(index, line, column, items);
    }

    private void operations(SourceIndex index, Map<String, CompletionItem> items) {
        for (Provider p : providers.operations()) provider(items, p);
        for (SourceIndex.Symbol s : index.symbols()) {
            if (s.kind() == SourceIndex.Kind.BLOCK) add(items, s.name(), CompletionItemKind.Class, "block " + s.detail(), null);
        }
    }

    private static void names(SourceIndex index, int line, int column, Map<String, CompletionItem> items) {
        for (SourceIndex.Symbol s : index.visibleAt(line, column)) {
            if (s.kind() == SourceIndex.Kind.BLOCK) continue;
            CompletionItemKind kind = s.kind() == SourceIndex.Kind.CONSTANT ? CompletionItemKind.Constant : CompletionItemKind.Variable;
            add(items, s.name(), kind, s.detail(), null);
        }
    }

    private static void provider(Map<String, CompletionItem> items, Provider p) {
        add(items, p.name(), CompletionItemKind.Function, ProviderDocs.signature(p), ProviderDocs.markdown(p));
    }

    private static CompletionItem add(Map<String, CompletionItem> items, String label, CompletionItemKind kind,
                                      String detail, String markdown) {
        return items.computeIfAbsent(label, l -> {
            CompletionItem item = new CompletionItem(l);
            item.setKind(kind);
            if (detail != null) item.setDetail(detail);
            if (markdown != null) item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, markdown));
            return item;
        });
    }
}
