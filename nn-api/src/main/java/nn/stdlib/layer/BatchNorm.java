package nn.stdlib.layer;

import nn.api.graph.Shape;
import nn.api.graph.ShapeException;
import nn.api.runtime.BatchBuffers;
import nn.api.runtime.ChannelsLast;
import nn.api.runtime.FusesPooling;
import nn.api.runtime.Layer;
import nn.api.runtime.StepMemory;
import nn.api.runtime.ParamSpec;
import nn.api.schema.Args;
import nn.api.schema.Param;
import nn.api.schema.ParamType;
import nn.api.schema.Schema;
import nn.api.spi.BaseProvider;
import nn.api.spi.LayerProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

/**
 * Batch normalisation per channel of [channels, h, w] inputs (statistics over batch, height
 * and width) or per feature of [features] inputs (over the batch): y = gamma * x̂ + beta with
 * x̂ = (x - mean) / sqrt(var + eps). Training uses the batch's statistics and moves the
 * running ones towards them (PyTorch's rule: running = (1 - momentum) * running + momentum *
 * batch, the variance unbiased); evaluation uses the running ones, which are layer state,
 * not trained parameters. Float32 batches in host memory run {@link HostBatchNorm} (two passes
 * each way); float64 and other backends run ND4J's ops below.
 *
 * <p>Followed by a max pooling that alone reads it, the layer runs the pooling too
 * ({@link FusesPooling}): with every channel's scale a = gamma · invStd above zero, pooling
 * y = a·x + b equals a·maxpool(x) + b, so forward pools x and scales the pooled values (no
 * full-size y), and backward takes the parameter sums over the pooled values, where the
 * pooling's gradient is nonzero, then adds the statistics' terms to the pooling's input
 * gradient. That is the float32 host path, channels-last; elsewhere, or when a scale is not
 * positive, the two layers run one after the other, as they do in the float64 gradient checks.
 */
public final class BatchNorm implements Layer, ChannelsLast, FusesPooling {
    private static final int CHANNEL_AXIS = 1;

    private final int channels;
    private final Shape input;
    private int[] reduceAxes;
    private final double momentum;
    private final double eps;
    private BatchBuffers outputs;
    private BatchBuffers normalized;
    private BatchBuffers inputGradients;
    private BatchBuffers scratch;
    /** Channels-last batches are normalised as rows of [batch * h * w, channels]: no 4-D broadcasts. */
    private boolean channelsLast;
    private INDArray gamma, beta, gammaGrad, betaGrad;
    private INDArray runningMean, runningVar;
    private INDArray xHat, invStd;
    private boolean lastTraining;
    /** The float32 host-memory path, and whether the last forward call took it. */
    private HostBatchNorm host;
    private boolean lastOnHost;
    /** The max pooling this layer runs after it (null unless fused), its output buffers, and its last output. */
    private Layer pooling;
    private Shape pooled;
    private BatchBuffers pooledOutputs, pooledGradients;
    private INDArray lastPooled;
    /** Whether the last forward call took the fused path. */
    private boolean lastFused;

    BatchNorm(Shape input, double momentum, double eps) {
        this.channels = input.dim(0);
        this.input = input;
        this.reduceAxes = input.rank() == 3 ? new int[]{0, 2, 3} : new int[]{0};
        this.momentum = momentum;
        this.eps = eps;
        long[] dims = input.longDims();
        this.outputs = new BatchBuffers(dims);
        this.normalized = new BatchBuffers(dims);
        this.inputGradients = new BatchBuffers(dims);
        this.scratch = new BatchBuffers(dims);
        this.host = new HostBatchNorm(channels, input.rank() == 3 ? input.dim(1) * input.dim(2) : 1, (int) input.size());
    }

    @Override
    public Role channelsLastRole() {
        return Role.FOLLOWS;
    }

    @Override
    public void useChannelsLast() {
        channelsLast = true;
        reduceAxes = new int[]{0};
        long[] dims = {input.dim(1), input.dim(2), input.dim(0)};
        outputs = new BatchBuffers(dims);
        normalized = new BatchBuffers(dims);
        inputGradients = new BatchBuffers(dims);
        scratch = new BatchBuffers(dims);
        host = new HostBatchNorm(channels, 1, (int) input.size());
        if (pooling != null) {
            ((ChannelsLast) pooling).useChannelsLast();
            pooledOutputs = new BatchBuffers(pooled.dim(1), pooled.dim(2), pooled.dim(0));
            pooledGradients = new BatchBuffers(pooled.dim(1), pooled.dim(2), pooled.dim(0));
        }
    }

    @Override
    public boolean fusePooling(Layer pooling, Shape pooled) {
        if (input.rank() != 3 || !(pooling instanceof ChannelsLast)) return false;
        this.pooling = pooling;
        this.pooled = pooled;
        pooledOutputs = new BatchBuffers(pooled.longDims());
        pooledGradients = new BatchBuffers(pooled.longDims());
        return true;
    }

    /** The array itself, or a channels-last batch as rows of channels. */
    private INDArray rows(INDArray batch) {
        return channelsLast ? batch.reshape('c', batch.length() / channels, channels) : batch;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec("gamma", new long[]{channels}, channels, channels, "ones"),
                new ParamSpec("beta", new long[]{channels}, channels, channels, "zeros"));
    }

    @Override
    public void bind(Map<String, INDArray> params, Map<String, INDArray> grads) {
        gamma = params.get("gamma");
        beta = params.get("beta");
        gammaGrad = grads.get("gamma");
        betaGrad = grads.get("beta");
    }

    @Override
    public Map<String, INDArray> state() {
        ensureRunningStatistics(statisticsType());
        return Map.of("running_mean", runningMean, "running_var", runningVar);
    }

    @Override
    public void restoreState(Map<String, INDArray> state) {
        ensureRunningStatistics(statisticsType());
        runningMean.assign(state.get("running_mean"));
        runningVar.assign(state.get("running_var"));
    }

    /** Mean 0 and variance 1 until the first training batch. */
    private void ensureRunningStatistics(DataType type) {
        if (runningMean == null) {
            runningMean = StepMemory.outside(() -> Nd4j.zeros(type, channels));
            runningVar = StepMemory.outside(() -> Nd4j.ones(type, channels));
        }
    }

    /** The parameters' type once bound (the network's), so saved state matches them. */
    private DataType statisticsType() {
        return gamma != null ? gamma.dataType() : Nd4j.defaultFloatingPointType();
    }

    @Override
    public INDArray forward(INDArray batchInput, boolean training) {
        if (pooling == null) return normalize(batchInput, training);
        lastFused = fusedPathApplies(batchInput, training);
        if (!lastFused) return pooling.forward(normalize(batchInput, training), training);
        if (training) host.updateRunning(runningMean, runningVar, momentum);
        lastPooled = pooling.forward(batchInput, training);
        INDArray out = pooledOutputs.get(batchInput.size(0), batchInput.dataType());
        host.affine(lastPooled, out);
        return out;
    }

    /** Whether the last forward call ran the fused path (for tests). */
    boolean lastForwardFused() {
        return lastFused;
    }

    /** Float32 rows of channels in host memory whose scales are all positive; host then holds x's statistics. */
    private boolean fusedPathApplies(INDArray x, boolean training) {
        ensureRunningStatistics(x.dataType());
        if (gamma == null || !host.rowsOfChannels() || !HostBatchNorm.applies(x, gamma, beta, runningMean, runningVar)) {
            return false;
        }
        host.scaleAndShift(x, training, gamma, beta, runningMean, runningVar, eps);
        return host.keepsOrder();
    }

    /** This layer alone: y = gamma · x̂ + beta. */
    private INDArray normalize(INDArray batchInput, boolean training) {
        ensureRunningStatistics(batchInput.dataType());
        lastTraining = training;
        long batch = batchInput.size(0);
        INDArray output = outputs.get(batch, batchInput.dataType());
        lastOnHost = gamma != null && HostBatchNorm.applies(batchInput, output, gamma, beta, runningMean, runningVar);
        if (lastOnHost) {
            host.forward(batchInput, output, training, gamma, beta, runningMean, runningVar, momentum, eps);
            return output;
        }
        INDArray input = rows(batchInput);
        INDArray mean;
        if (training) {
            mean = input.mean(reduceAxes);
            INDArray var = input.var(false, reduceAxes);
            invStd = Transforms.pow(var.add(eps), -0.5, false);
            updateRunningStatistics(mean, var, input.length() / channels);
        } else {
            mean = runningMean;
            invStd = Transforms.pow(runningVar.add(eps), -0.5, false);
        }
        xHat = rows(normalized.get(batch, input.dataType()));
        exec(new BroadcastSubOp(input, mean, xHat, CHANNEL_AXIS));
        exec(new BroadcastMulOp(xHat, invStd, xHat, CHANNEL_AXIS));
        INDArray result = output;
        INDArray out = rows(result);
        exec(new BroadcastMulOp(xHat, gamma, out, CHANNEL_AXIS));
        exec(new BroadcastAddOp(out, beta, out, CHANNEL_AXIS));
        return result;
    }

    private void updateRunningStatistics(INDArray mean, INDArray var, long count) {
        double unbiased = count > 1 ? (double) count / (count - 1) : 1;
        runningMean.muli(1 - momentum).addi(mean.mul(momentum));
        runningVar.muli(1 - momentum).addi(var.mul(momentum * unbiased));
    }

    /**
     * With batch statistics the mean and variance depend on every input, which gives
     * dx = gamma * invStd * (g - mean(g) - x̂ * mean(g * x̂)), means per channel.
     */
    @Override
    public INDArray backward(INDArray gradOutput) {
        if (pooling == null) return normalizeBackward(gradOutput);
        if (!lastFused) return normalizeBackward(pooling.backward(gradOutput));
        INDArray g = HostBatchNorm.applies(gradOutput) ? gradOutput : gradOutput.dup('c');
        host.gradientSums(g, lastPooled, gamma, gammaGrad, betaGrad);
        INDArray scaled = pooledGradients.get(g.size(0), g.dataType());
        host.scaleGradient(g, scaled);
        INDArray gradInput = pooling.backward(scaled); // a·g at each window's maximum, the pooling's own array
        host.addStatisticsTerms(gradInput);
        return gradInput;
    }

    /** This layer alone. */
    private INDArray normalizeBackward(INDArray batchGradOutput) {
        long batch = batchGradOutput.size(0);
        if (lastOnHost) {
            INDArray g = HostBatchNorm.applies(batchGradOutput) ? batchGradOutput : batchGradOutput.dup('c');
            INDArray result = inputGradients.get(batch, g.dataType());
            host.backward(g, result, gamma, gammaGrad, betaGrad);
            return result;
        }
        INDArray gradOutput = rows(batchGradOutput);
        INDArray product = rows(scratch.get(batch, gradOutput.dataType()));
        gradOutput.mul(xHat, product);
        product.sum(gammaGrad, reduceAxes);
        gradOutput.sum(betaGrad, reduceAxes);
        INDArray result = inputGradients.get(batch, gradOutput.dataType());
        INDArray gradInput = rows(result);
        INDArray scale = gamma.mul(invStd);
        if (!lastTraining) {
            exec(new BroadcastMulOp(gradOutput, scale, gradInput, CHANNEL_AXIS));
            return result;
        }
        double perChannel = (double) channels / gradOutput.length();
        exec(new BroadcastMulOp(xHat, gammaGrad.mul(perChannel), gradInput, CHANNEL_AXIS));
        gradInput.rsubi(gradOutput);
        exec(new BroadcastSubOp(gradInput, betaGrad.mul(perChannel), gradInput, CHANNEL_AXIS));
        exec(new BroadcastMulOp(gradInput, scale, gradInput, CHANNEL_AXIS));
        return result;
    }

    private static void exec(org.nd4j.linalg.api.ops.Op op) {
        Nd4j.getExecutioner().exec(op);
    }

    /** `batchnorm(momentum = 0.1, eps = 1e-5)`. */
    public static final class Provider extends BaseProvider implements LayerProvider {
        public Provider() {
            super("batchnorm", "batch normalisation per channel ([c, h, w]) or per feature ([f])", Schema.of(
                    Param.optional("momentum", ParamType.FLOAT, 0.1,
                            "weight of each batch in the running statistics").range(0.0, 1.0),
                    Param.optional("eps", ParamType.FLOAT, 1e-5, "added to the variance").range(0.0, null)));
        }

        @Override
        public Shape outputShape(Shape input, Args args) throws ShapeException {
            if (input.rank() != 1 && input.rank() != 3) {
                throw new ShapeException("batchnorm expects [features] or [channels, height, width], got " + input);
            }
            return input;
        }

        @Override
        public Layer create(Shape input, Args args) {
            return new BatchNorm(input, args.getDouble("momentum"), args.getDouble("eps"));
        }
    }
}
