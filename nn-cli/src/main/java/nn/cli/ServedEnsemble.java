package nn.cli;

import nn.api.checkpoint.Checkpoint;
import nn.api.inference.Model;
import nn.api.registry.Registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** `nn serve --ensemble NAME=A.nnc,B.nnc`: checkpoints served as one model averaging their probabilities. */
final class ServedEnsemble {
    private final String option;
    private final String name;
    private final List<Path> files;
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    private ServedEnsemble(String option, String name, List<Path> files) {
        this.option = option;
        this.name = name;
        this.files = files;
    }

    static ServedEnsemble parse(String option) {
        int eq = option.indexOf('=');
        String name = eq < 0 ? "" : option.substring(0, eq).strip();
        List<Path> files = new ArrayList<>();
        if (eq >= 0) for (String f : option.substring(eq + 1).split(",")) if (!f.isBlank()) files.add(Path.of(f.strip()));
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.-]*") || files.size() < 2) {
            throw new UserError("--ensemble " + option + ": expected NAME=A.nnc,B.nnc[,...] (a name, then two or more checkpoints)");
        }
        return new ServedEnsemble(option, name, files);
    }

    /** Reads every member's checkpoint (for inference: no optimizer state). */
    void read() {
        for (Path f : files) checkpoints.add(Checkpoints.readForInference(f));
    }

    List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    Model model(Registry registry, Model.Options options) {
        List<Model> members = new ArrayList<>();
        try {
            for (Checkpoint c : checkpoints) members.add(Model.of(c, registry, options));
            return Model.ensemble(name, members);
        } catch (IllegalArgumentException e) {
            throw new UserError("--ensemble " + option + ": " + e.getMessage());
        }
    }
}
