package nn.cli;

import nn.api.inference.Softmax;

import nn.api.checkpoint.Checkpoint;
import nn.api.checkpoint.ModelSignature;
import nn.api.data.DataException;
import nn.api.data.Preprocessing;
import nn.api.data.Task;
import nn.api.network.Network;
import nn.api.runtime.Loss;
import nn.datasets.table.CsvTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `nn predict CKPT rows.csv`: each row's prediction as CSV. The rows need the feature columns
 * the model was trained on, by name and in any order (others, such as the target, are ignored);
 * they are preprocessed exactly as in training ({@link Preprocessing}, from the checkpoint).
 * Output: the feature columns, then the predicted class and every class's probability, or the
 * predicted value of each target.
 */
final class TablePrediction {
    /** Rows per forward pass: bounds memory whatever the file's length. */
    static final int BATCH = 1000;

    private TablePrediction() {
    }

    static void write(Checkpoint checkpoint, Network network, Loss loss, Path rows, Appendable out) throws IOException {
        ModelSignature signature = checkpoint.metadata().signature();
        List<String> features = signature.featureNames();
        CsvTable.Rows table;
        try {
            table = CsvTable.read(rows, delimiter(checkpoint), features, List.of(), 0);
        } catch (DataException e) {
            throw new UserError(e.getMessage());
        }
        Preprocessing preprocessing = Preprocessing.of(signature);
        int width = features.size(), outputs = (int) network.outputShape().size();
        boolean classes = signature.task() == Task.CLASSES;
        List<String> names = signature.classNames(outputs);
        List<String> header = new ArrayList<>(features);
        if (classes) {
            header.add("predicted");
            for (String c : names) header.add("p_" + c);
        } else {
            List<String> targets = signature.targetNames().size() == outputs ? signature.targetNames()
                    : java.util.stream.IntStream.range(0, outputs).mapToObj(j -> "y" + j).toList();
            for (String t : targets) header.add("predicted_" + t);
        }
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            float[] raw = table.features();
            for (int from = 0; from < table.count(); from += BATCH) {
                int n = Math.min(BATCH, table.count() - from);
                float[] x = new float[n * width];
                for (int i = 0; i < n; i++) preprocessing.toModelInput(raw, (from + i) * width, x, i * width, width);
                INDArray input = Nd4j.create(x, network.inputShape().withBatch(n), 'c').castTo(DataType.FLOAT);
                INDArray output = network.forward(input, false);
                double[][] p = classes ? Softmax.rows(nn.api.internal.kernels.Matrices.toArray(output), n, outputs) : null;
                float[] values = classes ? null : output.reshape((long) n * outputs).toFloatVector();
                for (int i = 0; i < n; i++) {
                    List<Object> record = new ArrayList<>();
                    for (int j = 0; j < width; j++) record.add(raw[(from + i) * width + j]);
                    if (classes) {
                        record.add(names.get(Softmax.argmax(p[i])));
                        for (double q : p[i]) record.add(String.format("%.4f", q));
                    } else {
                        for (int j = 0; j < outputs; j++) record.add((float) loss.prediction(values[i * outputs + j]));
                    }
                    printer.printRecord(record);
                }
            }
        }
    }

    /** The delimiter the model's training table had, so its own files predict as they are. */
    private static char delimiter(Checkpoint checkpoint) {
        var train = checkpoint.graph().train();
        Object d = train == null || train.data() == null ? null : train.data().args().get("delimiter");
        return d instanceof String s && s.length() == 1 ? s.charAt(0) : ',';
    }
}
