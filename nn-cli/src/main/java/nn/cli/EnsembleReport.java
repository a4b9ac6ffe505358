package nn.cli;

import nn.api.checkpoint.Checkpoint;
import nn.api.data.Dataset;
import nn.api.data.Task;
import nn.api.registry.Registry;
import nn.api.train.ConfusionMatrix;
import nn.api.train.EnsembleEvaluation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `nn eval A.nnc B.nnc ...`: several classifiers of the same task on the first one's test
 * split, each member's accuracy beside the accuracy of their averaged class probabilities.
 */
final class EnsembleReport {
    private EnsembleReport() {
    }

    static void print(List<Path> files, Registry registry, DataOptions data, BackendOptions backend, PrintWriter out) {
        RestoredRun first = RestoredRun.load(files.get(0), registry, data, backend, "to evaluate on");
        Dataset dataset = first.dataset();
        if (dataset.task() != Task.CLASSES) {
            throw new UserError(files.get(0) + ": an ensemble averages class probabilities; this model predicts values");
        }
        String dataName = first.checkpoint().graph().train().data().name();
        List<String> classes = first.checkpoint().metadata().signature().classNames();
        List<EnsembleEvaluation.Member> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        members.add(new EnsembleEvaluation.Member(first.network(), first.checkpoint().metadata().signature().normalization()));
        names.add(first.checkpoint().graph().name());
        for (Path file : files.subList(1, files.size())) {
            Checkpoint c = Checkpoints.read(file);
            var train = c.graph().train();
            if (train == null || train.data() == null || !train.data().name().equals(dataName)
                    || !c.metadata().signature().classNames().equals(classes)) {
                throw new UserError(file + ": trained on " + (train == null || train.data() == null ? "no data set"
                        : train.data().name()) + ", not on " + dataName + " with the classes of " + files.get(0)
                        + ": an ensemble's models solve the same task");
            }
            members.add(new EnsembleEvaluation.Member(Checkpoints.network(file, c, registry), c.metadata().signature().normalization()));
            names.add(c.graph().name());
        }
        EnsembleEvaluation.Result result;
        try {
            result = EnsembleEvaluation.evaluate(members, dataset.test());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        int width = files.stream().mapToInt(f -> f.toString().length()).max().orElse(10);
        out.printf("ensemble of %d checkpoints on %s test split (%,d examples): mean class probability%n", files.size(),
                dataset.name(), dataset.test().count());
        for (int i = 0; i < files.size(); i++) {
            ConfusionMatrix m = result.members().get(i);
            out.printf("  %-" + width + "s  %-16s %6.2f %% (%d/%d)%n", files.get(i), names.get(i), 100 * m.accuracy(),
                    m.correct(), m.total());
        }
        ConfusionMatrix e = result.ensemble();
        out.printf("  %-" + width + "s  %-16s %6.2f %% (%d/%d)%n", "ensemble", "", 100 * e.accuracy(), e.correct(), e.total());
        out.printf("%ntest accuracy of the ensemble: %.2f %% (%d/%d)%n%n", 100 * e.accuracy(), e.correct(), e.total());
        out.print(ConfusionTable.format(e, dataset.classNames()));
        out.flush();
    }
}
