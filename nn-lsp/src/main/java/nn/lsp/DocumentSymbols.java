package nn.lsp;

import nn.dsl.SourceIndex;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

import java.util.ArrayList;
import java.util.List;

/** The outline of a file: imports, constants, blocks (with their parameters and nodes), the model (with its nodes), train. */
final class DocumentSymbols {
    private DocumentSymbols() {
    }

    static List<DocumentSymbol> of(SourceIndex index) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (SourceIndex.Symbol s : index.symbols()) {
            if (!s.scope().equals(SourceIndex.FILE)) continue;
            DocumentSymbol d = symbol(s);
            String scope = switch (s.kind()) {
                case MODEL -> "model:" + s.name();
                case BLOCK -> "block:" + s.name();
                case TRAIN -> SourceIndex.TRAIN;
                default -> null;
            };
            if (scope != null) {
                List<DocumentSymbol> children = new ArrayList<>();
                for (SourceIndex.Symbol c : index.symbols()) if (c.scope().equals(scope)) children.add(symbol(c));
                d.setChildren(children);
            }
            out.add(d);
        }
        return out;
    }

    private static DocumentSymbol symbol(SourceIndex.Symbol s) {
        SymbolKind kind = switch (s.kind()) {
            case MODEL -> SymbolKind.Module;
            case BLOCK -> SymbolKind.Class;
            case CONSTANT -> SymbolKind.Constant;
            case IMPORT -> SymbolKind.File;
            case INPUT -> SymbolKind.Field;
            case NODE -> SymbolKind.Variable;
            case PARAMETER -> SymbolKind.TypeParameter;
            case TRAIN -> SymbolKind.Namespace;
            case SETTING -> SymbolKind.Property;
        };
        // The selection must lie inside the full range; a name made from a bare chain end has a one-token extent.
        return new DocumentSymbol(s.name(), kind, Positions.range(s.extent()), Positions.range(s.at()), s.detail());
    }
}
