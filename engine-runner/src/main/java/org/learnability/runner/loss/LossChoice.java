package org.learnability.runner.loss;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.learnability.api.strategy.StrategyParameters;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.registry.Registry;

/**
 * A loss family with validated parameters: what a {@code --loss} spec such as {@code focal:gamma=2}
 * resolves to, and what makes the loss of every training.
 *
 * @param spec the spec as given, which names the choice in plans and records
 * @param family the family
 * @param parameters every declared parameter, set or defaulted
 */
public record LossChoice(StrategySpec spec, LossFamily family, StrategyParameters parameters) {

    /** Today's loss and the default: weighted softmax cross-entropy. */
    public static final LossChoice CROSS_ENTROPY =
            new LossChoice(
                    StrategySpec.parse(CrossEntropyFamily.NAME),
                    new CrossEntropyFamily(),
                    new StrategyParameters(Map.of()));

    /**
     * Resolves a spec.
     *
     * @param losses the loss families
     * @param spec {@code name} or {@code name:key=value,...}
     * @return the choice
     * @throws IllegalArgumentException naming an unknown family, key or bad value and what is valid
     */
    public static LossChoice parse(Registry<LossFamily> losses, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "--loss is empty; expected one of "
                            + losses.names(", ")
                            + ", with parameters as name:key=value if any, e.g. focal:gamma=2");
        }
        StrategySpec parsed = StrategySpec.parse(spec);
        LossFamily family = losses.get(parsed.name());
        return new LossChoice(
                parsed, family, StrategyParameters.resolve("loss", parsed, family.parameters()));
    }

    /**
     * Makes the loss.
     *
     * @param weights the class weights
     * @param manager the manager its arrays live under
     * @return the loss; the caller closes it
     */
    public ClassWeightedLoss create(ClassWeights weights, NDManager manager) {
        return family.create(parameters, weights, manager);
    }

    /**
     * Makes the loss with smoothed targets.
     *
     * @param weights the class weights
     * @param manager the manager its arrays live under
     * @param smoothing the label smoothing; {@link LabelSmoothing#NONE} makes the same loss as
     *     {@link #create(ClassWeights, NDManager)}
     * @return the loss; the caller closes it
     * @throws IllegalArgumentException if the family does not take label smoothing and some is
     *     asked
     */
    public ClassWeightedLoss create(
            ClassWeights weights, NDManager manager, LabelSmoothing smoothing) {
        return smoothing.isNone()
                ? create(weights, manager)
                : family.create(parameters, weights, manager, smoothing);
    }

    /**
     * Checks that the family takes a label smoothing, before any training.
     *
     * @param smoothing the smoothing
     * @throws IllegalArgumentException if it does not and some is asked
     */
    public void requireTakes(LabelSmoothing smoothing) {
        if (!smoothing.isNone() && !family.takesLabelSmoothing()) {
            throw new IllegalArgumentException(family.refusal(smoothing));
        }
    }

    /**
     * Returns the spec, as plans and records name the loss.
     *
     * @return e.g. {@code ce} or {@code focal:gamma=2}
     */
    @Override
    public String toString() {
        return spec.toString();
    }
}
