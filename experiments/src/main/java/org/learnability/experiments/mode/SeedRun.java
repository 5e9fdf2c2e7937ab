package org.learnability.experiments.mode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.ValidationHook;

/**
 * What a mode works with for one seed: the weighting, the strategies, the baseline, and the
 * training, scoring and recording of one model at a time on the seed's data.
 */
public interface SeedRun {

    /** Returns how the mode's weights act: smoothing, bound, the epochs whose scores give them. */
    Weighting weighting();

    /** Returns the plan's weighted rounds. */
    int rounds();

    /** Returns the training epochs of a model. */
    int epochs();

    /** Returns the validation accuracy a choice made on validation may give up. */
    double maxAccuracyDrop();

    /** Returns the seed. */
    int seed();

    /** Returns the class names, index = label. */
    List<String> classNames();

    /** Returns the strategies of the plan, by spec, in the plan's order. */
    Map<String, WeightStrategy> strategies();

    /**
     * Returns the baseline of this seed (every class weight 1), training it if it is not recorded.
     *
     * @return its record
     */
    RunRecord baseline();

    /**
     * Returns the recorded model, or trains it on the training split, scores it on the validation
     * and the test split and records it.
     *
     * @param run the strategy and round
     * @param weights the class weights of its first epoch
     * @param hook called after every epoch with the model's validation scores; its result weights
     *     the next epoch
     * @return its record
     */
    RunRecord model(RunId run, ClassWeights weights, ValidationHook hook);

    /**
     * Returns the recorded model, or derives it from the baseline without training and records it:
     * {@code derive} gets the baseline's logits on the validation and the test split.
     *
     * @param run the strategy and round
     * @param weights the class weights the derivation uses
     * @param derive makes the derived model's scores from the baseline's logits
     * @return its record
     */
    RunRecord derived(RunId run, ClassWeights weights, Function<SplitLogits, Derived> derive);

    /**
     * Returns the recorded model, or derives it from another model of the seed without training and
     * records it: {@code derive} gets that model's logits on the validation and the test split (the
     * model kept from this run, loaded from its saved file, or made again as its mode made it).
     *
     * @param run the strategy and round
     * @param weights the class weights the derivation uses
     * @param source the model it derives from, one of the plan's runs of this seed, recorded
     * @param derive makes the derived model's scores from the source's logits
     * @return its record
     */
    RunRecord derived(
            RunId run, ClassWeights weights, RunId source, Function<SplitLogits, Derived> derive);

    /**
     * Returns the recorded model, or fine-tunes the seed's baseline and records it: the baseline's
     * parameters (averaged, where the plan averages) trained the plan's {@code --finetune-epochs}
     * more epochs with the weights (the mode's loss family and weight application), a fresh
     * optimizer of the plan's kind at a constant {@code --finetune-lr}, no averaging, on the batch
     * orders of the epochs after the baseline's; then scored. With 0 epochs it is the baseline.
     *
     * @param run the strategy and round
     * @param weights the class weights
     * @return its record
     */
    RunRecord finetuned(RunId run, ClassWeights weights);

    /**
     * Returns the recorded model, or re-trains the final dense layer of the seed's baseline on its
     * features and records it: the plan's {@code --head-*} settings, the mode's loss family and
     * weight application, the L2 and epochs chosen on the validation images the layer does not
     * train on ({@link HeadChoice}); its validation scores are of those images.
     *
     * @param run the strategy and round
     * @param weights makes the class weights from the baseline's scores on those images
     * @return its record
     */
    RunRecord headRetrained(RunId run, Function<ClassScores, ClassWeights> weights);

    /**
     * Returns the record of one of the plan's runs of this seed, if it is recorded.
     *
     * @param run the run, under its own mode
     * @return its record
     */
    Optional<RunRecord> recorded(RunId run);
}
