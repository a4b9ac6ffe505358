package nn.cli;

import nn.api.graph.Call;
import nn.api.graph.TrainSpec;

/** One line describing a train section: `mnist, cross_entropy, adam(lr=0.001), batch 64, 10 epochs, seed 42`. */
final class TrainSummary {
    private TrainSummary() {
    }

    static String describe(TrainSpec t) {
        return call(t.data()) + ", " + (t.loss() == null ? "no loss" : t.loss().name()) + ", " + call(t.optimizer())
                + ", batch " + t.settings().batch() + ", " + t.settings().epochs() + (t.settings().epochs() == 1 ? " epoch" : " epochs")
                + ", seed " + t.settings().seed();
    }

    private static String call(Call c) {
        if (c == null) return "none";
        StringBuilder s = new StringBuilder(c.name()).append('(');
        boolean first = true;
        for (var e : c.args().entrySet()) {
            s.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return s.append(')').toString();
    }
}
