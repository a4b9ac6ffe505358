package nn.lsp;

import nn.api.schema.Param;
import nn.api.spi.Provider;
import nn.dsl.SourceIndex;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;

import java.util.ArrayList;
import java.util.List;

/** The parameters of the call the cursor is in, the current one highlighted: a provider's or a block's. */
final class Signatures {
    private final Providers providers;

    Signatures(Providers providers) {
        this.providers = providers;
    }

    SignatureHelp help(SourceIndex index, CursorContext at) {
        if (at.call() == null) return null;
        List<String> names = new ArrayList<>();
        List<ParameterInformation> params = new ArrayList<>();
        String label;
        String doc;
        Provider p = providers.find(at.call());
        SourceIndex.Symbol block = block(index, at.call());
        if (block != null) {
            label = block.detail();
            doc = "block defined at line " + block.at().line();
            for (SourceIndex.Symbol s : index.symbols()) {
                if (s.kind() == SourceIndex.Kind.PARAMETER && s.scope().equals("block:" + block.name())) {
                    names.add(s.name());
                    params.add(new ParameterInformation(s.detail()));
                }
            }
        } else if (p != null) {
            label = ProviderDocs.signature(p);
            doc = p.description();
            for (Param param : p.schema().params()) {
                names.add(param.name());
                ParameterInformation info = new ParameterInformation(ProviderDocs.parameter(param));
                info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, "`" + param.signature() + "`"
                        + (param.doc() == null ? "" : " — " + param.doc())));
                params.add(info);
            }
        } else {
            return null;
        }
        SignatureInformation signature = new SignatureInformation(label, new MarkupContent(MarkupKind.MARKDOWN, doc), params);
        int active = at.namedArgument() != null ? names.indexOf(at.namedArgument()) : at.argument();
        SignatureHelp help = new SignatureHelp(List.of(signature), 0, active < 0 || active >= params.size() ? null : active);
        signature.setActiveParameter(help.getActiveParameter());
        return help;
    }

    private static SourceIndex.Symbol block(SourceIndex index, String name) {
        for (SourceIndex.Symbol s : index.symbols()) if (s.kind() == SourceIndex.Kind.BLOCK && s.name().equals(name)) return s;
        return null;
    }
}
