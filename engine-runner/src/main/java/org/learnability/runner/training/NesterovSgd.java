package org.learnability.runner.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.learnability.runner.engine.GradMode;

/**
 * SGD with Nesterov momentum (Sutskever et al., "On the importance of initialization and momentum
 * in deep learning", ICML 2013), in the form of PyTorch's {@code SGD(nesterov=True, dampening=0)}:
 * for a parameter {@code w} with gradient {@code g}, rate {@code lr} (the tracker's, per update),
 * momentum {@code mu} and L2 weight decay {@code wd}
 *
 * <pre>
 *   g' = rescale * g + wd * w       (g clipped to [-clip, clip] first when clip &gt;= 0)
 *   b  = mu * b + g'                (b = 0 before the first update)
 *   w  = w - lr * (g' + mu * b)
 * </pre>
 *
 * DJL's own {@link ai.djl.training.optimizer.Nag} computes this through the engine's {@code
 * nagUpdate}, which DJL 0.36's PyTorch engine does not implement ("Not implemented"), and which on
 * MXNet ({@code nag_mom_update}) equals this without weight decay but not with it: updating the
 * weight in place, it takes the decay term of its momentum from the new weight. This one is made of
 * NDArray operations and computes the same on every engine. Like DJL's PyTorch optimizers, it
 * zeroes the parameter's gradient after the update, since DJL's PyTorch gradient collector does
 * not.
 */
public final class NesterovSgd extends Optimizer {

    private final ParameterTracker learningRate;
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    private NesterovSgd(Builder builder) {
        super(builder);
        this.learningRate = builder.learningRate;
        this.momentum = builder.momentum;
    }

    /**
     * Returns a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
        float weightDecay = getWeightDecay();
        NDArray buffer =
                withDefaultState(buffers, parameterId, weight.getDevice(), k -> weight.zerosLike());
        NDArray g = grad.duplicate();
        // in place on a parameter that requires grad: legal only with autograd recording off
        try (GradMode off = GradMode.off(weight.getManager().getEngine())) {
            if (rescaleGrad != 1f) {
                g.muli(rescaleGrad);
            }
            if (clipGrad >= 0) {
                NDArray clipped = g.clip(-clipGrad, clipGrad);
                g.close();
                g = clipped;
            }
            if (weightDecay != 0f) {
                try (NDArray decay = weight.mul(weightDecay)) {
                    g.addi(decay);
                }
            }
            buffer.muli(momentum).addi(g);
            try (NDArray step = buffer.mul(momentum)) {
                step.addi(g).muli(lr);
                weight.subi(step);
            }
        } finally {
            g.close();
        }
        if (weight.hasGradient()) {
            try (NDArray own = weight.getGradient()) {
                own.subi(own);
            }
        }
    }

    /** Builds a {@link NesterovSgd}. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private ParameterTracker learningRate;
        private float momentum;

        private Builder() {}

        /**
         * Sets the learning rate, per update.
         *
         * @param value the tracker
         * @return this builder
         */
        public Builder setLearningRateTracker(ParameterTracker value) {
            this.learningRate = value;
            return this;
        }

        /**
         * Sets the momentum.
         *
         * @param value {@code mu}, in (0, 1)
         * @return this builder
         */
        public Builder setMomentum(float value) {
            this.momentum = value;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Builds the optimizer.
         *
         * @return the optimizer
         */
        public NesterovSgd build() {
            Objects.requireNonNull(learningRate, "the learning rate tracker must be set");
            if (!(momentum > 0 && momentum < 1)) {
                throw new IllegalArgumentException(
                        "Nesterov momentum is " + momentum + "; expected a number in (0, 1)");
            }
            return new NesterovSgd(this);
        }
    }
}
