package org.learnability.runner.loss;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.registry.Named;

/**
 * A family of training losses that take class weights, chosen on a command line by a spec such as
 * {@code focal:gamma=2}, like a weight strategy: a name, declared parameters with defaults and
 * ranges, and the loss for validated parameters. A new family is one class implementing this and
 * one {@code MapBinder} line in {@code TrainingModule}.
 */
public interface LossFamily extends Named {

    /**
     * Returns the parameters the family takes, with defaults and valid values.
     *
     * @return the parameters
     */
    List<ParameterSpec> parameters();

    /**
     * Creates the loss.
     *
     * @param parameters every declared parameter, set or defaulted, validated
     * @param weights the class weights
     * @param manager the manager its arrays live under
     * @return the loss; the caller closes it
     */
    ClassWeightedLoss create(
            StrategyParameters parameters, ClassWeights weights, NDManager manager);

    /**
     * Returns whether the family's loss takes {@link LabelSmoothing}; those that do not refuse any
     * but none.
     *
     * @return true if it does
     */
    default boolean takesLabelSmoothing() {
        return false;
    }

    /**
     * Creates the loss with smoothed targets.
     *
     * @param parameters every declared parameter, set or defaulted, validated
     * @param weights the class weights
     * @param manager the manager its arrays live under
     * @param smoothing the label smoothing
     * @return the loss; the caller closes it
     * @throws IllegalArgumentException if the family does not take label smoothing and some is
     *     asked
     */
    default ClassWeightedLoss create(
            StrategyParameters parameters,
            ClassWeights weights,
            NDManager manager,
            LabelSmoothing smoothing) {
        if (!smoothing.isNone()) {
            throw new IllegalArgumentException(refusal(smoothing));
        }
        return create(parameters, weights, manager);
    }

    /**
     * The message with which a family that does not take label smoothing refuses it.
     *
     * @param smoothing the smoothing asked
     * @return the message
     */
    default String refusal(LabelSmoothing smoothing) {
        return "loss '"
                + name()
                + "' does not take label smoothing (asked "
                + smoothing
                + "); use 0, or a loss that does (ce, margin)";
    }
}
