package nn.cli;

import nn.api.train.ConfusionMatrix;

import java.util.List;

/** Accuracy per class and the confusion matrix as text: rows are true classes, columns predictions. */
final class ConfusionTable {
    private ConfusionTable() {
    }

    static String format(ConfusionMatrix m, List<String> names) {
        StringBuilder s = new StringBuilder();
        int nameWidth = 5;
        for (String n : names) nameWidth = Math.max(nameWidth, n.length());
        s.append(String.format("%-" + nameWidth + "s  %8s  %7s%n", "class", "accuracy", "support"));
        for (int c = 0; c < m.classes(); c++) {
            s.append(String.format("%-" + nameWidth + "s  %7.2f%%  %7d%n", names.get(c), 100 * m.classAccuracy(c), m.support(c)));
        }
        s.append(String.format("%nconfusion matrix (rows: true class, columns: predicted)%n"));
        int cell = 5;
        for (int c = 0; c < m.classes(); c++) for (int p = 0; p < m.classes(); p++) {
            cell = Math.max(cell, String.valueOf(m.count(c, p)).length() + 1);
        }
        s.append(String.format("%" + nameWidth + "s ", ""));
        for (int p = 0; p < m.classes(); p++) s.append(String.format("%" + cell + "s", p));
        s.append('\n');
        for (int c = 0; c < m.classes(); c++) {
            s.append(String.format("%-" + nameWidth + "s ", names.get(c)));
            for (int p = 0; p < m.classes(); p++) s.append(String.format("%" + cell + "d", m.count(c, p)));
            s.append('\n');
        }
        return s.toString();
    }
}
