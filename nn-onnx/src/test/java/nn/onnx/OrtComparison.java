package nn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import nn.api.data.ImageSet;
import nn.api.data.Normalization;
import nn.api.network.Network;
import nn.onnx.proto.Onnx.ModelProto;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runs a network in nn and its ONNX model in ONNX Runtime over the same normalised images and
 * compares: the predicted classes and the largest difference between any two logits.
 */
final class OrtComparison {
    private static final int BATCH = 500;

    record Agreement(int images, int samePrediction, double maxLogitDifference, int correctNn, int correctOrt,
                     double nnSeconds, double ortSeconds) {
        @Override
        public String toString() {
            return String.format("%,d/%,d same predictions, largest logit difference %.3g, accuracy nn %.2f %% ORT %.2f %%, "
                            + "nn %.0f images/s, ORT %.0f images/s", samePrediction, images, maxLogitDifference,
                    100.0 * correctNn / images, 100.0 * correctOrt / images, images / nnSeconds, images / ortSeconds);
        }
    }

    private OrtComparison() {
    }

    static Agreement compare(Network network, ModelProto model, ImageSet images, Normalization normalization) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model.toByteArray(), options)) {
                String input = session.getInputNames().iterator().next();
                int size = images.imageSize(), n = images.count(), same = 0, correctNn = 0, correctOrt = 0;
                double max = 0, nnTime = 0, ortTime = 0;
                long[] shape = network.inputShape().withBatch(0);
                float[] x = new float[BATCH * size], oneHot = new float[BATCH * images.classes()];
                int[] order = IntStream.range(0, n).toArray();
                for (int from = 0; from < n; from += BATCH) {
                    int b = Math.min(BATCH, n - from);
                    images.fill(order, from, b, normalization, x, oneHot);
                    shape[0] = b;
                    long t0 = System.nanoTime();
                    float[][] nn = network.forward(Nd4j.create(java.util.Arrays.copyOf(x, b * size), shape, 'c'), false)
                            .toFloatMatrix();
                    long t1 = System.nanoTime();
                    float[][] ort;
                    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x, 0, b * size), shape);
                         OrtSession.Result result = session.run(Map.of(input, tensor))) {
                        ort = (float[][]) result.get(0).getValue();
                    }
                    long t2 = System.nanoTime();
                    nnTime += (t1 - t0) / 1e9;
                    ortTime += (t2 - t1) / 1e9;
                    for (int i = 0; i < b; i++) {
                        int label = images.label(from + i), pNn = argMax(nn[i]), pOrt = argMax(ort[i]);
                        if (pNn == pOrt) same++;
                        if (pNn == label) correctNn++;
                        if (pOrt == label) correctOrt++;
                        for (int c = 0; c < nn[i].length; c++) max = Math.max(max, Math.abs(nn[i][c] - ort[i][c]));
                    }
                }
                return new Agreement(n, same, max, correctNn, correctOrt, nnTime, ortTime);
            }
        }
    }

    /** The network's outputs for the first n images, as nn computes them. */
    static float[][] outputs(Network network, ImageSet images, Normalization normalization, int n) {
        int size = images.imageSize();
        float[] x = new float[n * size], oneHot = new float[n * images.classes()];
        images.fill(IntStream.range(0, n).toArray(), 0, n, normalization, x, oneHot);
        INDArray out = network.forward(Nd4j.create(x, network.inputShape().withBatch(n), 'c'), false);
        return out.reshape(n, out.length() / n).toFloatMatrix();
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
