package org.learnability.runner.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes the running statistics of every batch-norm layer of a model for its current
 * parameters, with one pass over the training split, as PyTorch's {@code
 * torch.optim.swa_utils.update_bn} does after weight averaging (whose averaged parameters make the
 * running statistics of the last step stale). Each layer ends with the exact mean and variance of
 * its input over the split, per channel:
 *
 * <pre>
 *   mean = sum_k n_k m_k / N
 *   var  = (sum_k ss_k + sum_k n_k m_k^2 - N mean^2) / N     (times N / (N - 1) where the engine
 *                                                            keeps an unbiased running variance)
 * </pre>
 *
 * with m_k, ss_k and n_k the mean, sum of squared deviations and count of batch k (Chan, Golub and
 * LeVeque, 1979), where {@code update_bn} averages the batches' statistics. The batch statistics
 * are read from the layer itself: with its running statistics set to 0 before a training-mode
 * forward pass, they hold {@code (1 - momentum)} times the batch's. The momentum, the variance
 * convention of the engine and whether it updates the statistics in the forward pass (PyTorch) or
 * only in the backward pass (MXNet) are measured once per layer on a two-sample probe.
 */
public final class BatchNormStatistics {

    private BatchNormStatistics() {}

    /**
     * Tells whether a block has batch normalisation.
     *
     * @param block the block
     * @return {@code true} if any layer under it is a {@link BatchNorm}
     */
    public static boolean present(Block block) {
        return !layers(block, new ArrayList<>()).isEmpty();
    }

    /**
     * Recomputes the running statistics.
     *
     * @param model an initialised model
     * @param data the training split
     * @param batchSize samples per forward pass
     */
    public static void recompute(Model model, BatchSource data, int batchSize) {
        List<BatchNorm> norms = layers(model.getBlock(), new ArrayList<>());
        if (norms.isEmpty()) {
            return;
        }
        Engine engine = model.getNDManager().getEngine();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            List<Layer> layers = new ArrayList<>();
            for (BatchNorm norm : norms) {
                layers.add(Layer.probe(norm, store, manager, engine));
            }
            boolean backward = layers.stream().anyMatch(l -> l.updatesOnBackward);
            for (Batch batch : data.batches(batchSize, 0)) {
                try (batch) {
                    layers.forEach(Layer::zero);
                    try (GradientCollector training = engine.newGradientCollector()) {
                        // training mode makes the layers update their running statistics
                        NDList out = model.getBlock().forward(store, batch.getData(), true);
                        if (backward) {
                            training.backward(out.head().sum());
                        }
                        out.close();
                    }
                    for (Layer layer : layers) {
                        layer.add(batch.getSize());
                    }
                }
            }
            layers.forEach(Layer::write);
        }
    }

    private static List<BatchNorm> layers(Block block, List<BatchNorm> found) {
        if (block instanceof BatchNorm norm) {
            found.add(norm);
        }
        block.getChildren().values().forEach(child -> layers(child, found));
        return found;
    }

    /** One layer's parameters, engine conventions and sums over the batches so far. */
    private static final class Layer {
        private final Parameter mean;
        private final Parameter variance;
        private final double updateShare;
        private final boolean unbiased;
        private final long valuesPerSample;
        private final boolean updatesOnBackward;
        private final double[] sum;
        private final double[] sumOfSquares;
        private long count;

        private Layer(
                Parameter mean,
                Parameter variance,
                double updateShare,
                boolean unbiased,
                long valuesPerSample,
                boolean updatesOnBackward) {
            this.mean = mean;
            this.updatesOnBackward = updatesOnBackward;
            this.variance = variance;
            this.updateShare = updateShare;
            this.unbiased = unbiased;
            this.valuesPerSample = valuesPerSample;
            int channels = (int) mean.getArray().size();
            sum = new double[channels];
            sumOfSquares = new double[channels];
        }

        /**
         * Measures the layer on two samples, one of zeros and one of twos: mean 1, variance 1 (2
         * with Bessel's correction over the probe's 2 values per channel).
         */
        static Layer probe(BatchNorm norm, ParameterStore store, NDManager manager, Engine engine) {
            Parameter mean = parameter(norm, Parameter.Type.RUNNING_MEAN);
            Parameter variance = parameter(norm, Parameter.Type.RUNNING_VAR);
            Shape input = norm.getInputShapes()[0];
            long channels = mean.getArray().size();
            long[] probeShape = new long[input.dimension()];
            java.util.Arrays.fill(probeShape, 1);
            probeShape[0] = 2;
            probeShape[1] = channels;
            NDArray probe = manager.zeros(new Shape(probeShape), mean.getArray().getDataType());
            probe.set(new NDIndex("1"), 2);
            mean.getArray().muli(0);
            variance.getArray().muli(0);
            boolean onBackward = false;
            try (GradientCollector training = engine.newGradientCollector()) {
                NDList out = norm.forward(store, new NDList(probe), true);
                if (doubles(mean.getArray())[0] == 0) {
                    training.backward(out.head().sum());
                    onBackward = true;
                }
                out.close();
            }
            double share = doubles(mean.getArray())[0];
            if (!(share > 0 && share <= 1)) {
                throw new IllegalStateException(
                        "batch norm of "
                                + engine.getEngineName()
                                + " did not update its running"
                                + " statistics in training mode (share "
                                + share
                                + ")");
            }
            double probeVariance = doubles(variance.getArray())[0] / share;
            long perSample = 1;
            for (int d = 2; d < input.dimension(); d++) {
                perSample *= input.get(d);
            }
            return new Layer(mean, variance, share, probeVariance > 1.5, perSample, onBackward);
        }

        private static Parameter parameter(BatchNorm norm, Parameter.Type type) {
            return norm.getParameters().values().stream()
                    .filter(p -> p.getType() == type)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("batch norm without " + type));
        }

        void zero() {
            mean.getArray().muli(0);
            variance.getArray().muli(0);
        }

        void add(long samples) {
            double[] m = doubles(mean.getArray());
            double[] v = doubles(variance.getArray());
            long n = samples * valuesPerSample;
            for (int c = 0; c < m.length; c++) {
                double batchMean = m[c] / updateShare;
                double batchVariance = v[c] / updateShare;
                double squares = batchVariance * (unbiased ? n - 1 : n);
                sum[c] += n * batchMean;
                sumOfSquares[c] += squares + n * batchMean * batchMean;
            }
            count += n;
        }

        void write() {
            float[] m = new float[sum.length];
            float[] v = new float[sum.length];
            for (int c = 0; c < sum.length; c++) {
                double mu = sum[c] / count;
                double population = Math.max(0, sumOfSquares[c] / count - mu * mu);
                m[c] = (float) mu;
                v[c] =
                        (float)
                                (unbiased && count > 1
                                        ? population * count / (count - 1)
                                        : population);
            }
            InPlace.copy(m, mean.getArray());
            InPlace.copy(v, variance.getArray());
        }

        private static double[] doubles(NDArray array) {
            float[] values = array.toFloatArray();
            double[] result = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i];
            }
            return result;
        }
    }
}
