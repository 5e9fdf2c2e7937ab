package org.learnability.experiments.mode;

import ai.djl.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.weights.ClassWeights;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.head.HeadFeatures;
import org.learnability.runner.model.ModelArchitecture;
import org.learnability.runner.pipeline.Session;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.pipeline.TrainedModel;
import org.learnability.runner.pipeline.ValidationHook;
import org.learnability.runner.training.TrainingSettings;

/**
 * What a mode works with for one seed: the plan, the strategies, the baseline, and the seed
 * runner's primitives, each of which records one model into the experiment's ledger and skips a
 * model it already holds: train one ({@link #trained}), derive one from another's logits ({@link
 * #derived}), or record one the mode made itself ({@link #made}).
 */
public interface SeedModels {

    /** Returns what the mode reads of the experiment's plan. */
    PlanView plan();

    /** Returns the baseline's training settings for this seed: the recipe a mode starts from. */
    TrainingSettings training();

    /**
     * Returns whether the baseline's recipe augments the training images, for what a mode trains
     * itself on the session's data.
     */
    boolean augment();

    /** Returns the seed's model architecture. */
    ModelArchitecture architecture();

    /**
     * Returns the mode's own options ({@link ExperimentMode#settings}) as the plan gives them.
     *
     * @param group the mode's settings type
     * @param <S> the type
     * @return the values
     */
    <S extends Record> S settings(Class<S> group);

    /** Returns how the mode's weights act: smoothing, bound, the epochs whose scores give them. */
    Weighting weighting();

    /** Returns the seed. */
    int seed();

    /** Returns the class names, index = label. */
    List<String> classNames();

    /** Returns the strategies of the plan, by spec, in the plan's order. */
    Map<String, WeightStrategy> strategies();

    /** Returns the seed's data on the engine, for what a mode computes itself. */
    Session session();

    /**
     * Puts the mode's loss family and weight application on training settings, for what a mode
     * trains itself.
     *
     * @param settings the settings
     * @return them, weighted as the mode's models are
     */
    TrainingSettings weighted(TrainingSettings settings);

    /**
     * Returns the baseline of this seed (every class weight 1), training it if it is not recorded.
     *
     * @return its record
     */
    RunRecord baseline();

    /**
     * Returns the baseline's parameters (averaged, where the plan averages), loading or training
     * its model again if it is not at hand.
     *
     * @return the parameters in DJL's format
     */
    byte[] baselineParameters();

    /**
     * Returns the baseline's features (the layers before its final dense layer), computed once.
     *
     * @param training whether the training split's are needed too
     * @return the features, open as long as the seed
     */
    HeadFeatures baselineFeatures(boolean training);

    /**
     * Returns the record of one of the plan's runs of this seed, if it is recorded.
     *
     * @param run the run, under its own mode
     * @return its record
     */
    Optional<RunRecord> recorded(RunId run);

    /**
     * How to train one model.
     *
     * @param from the parameters it starts from; empty for a fresh initialisation
     * @param weights the class weights of its first epoch
     * @param settings its training settings (the plan's baseline recipe, changed as the mode
     *     needs); the mode's loss family and weight application are put on them
     * @param epochs the epochs it trains; 0, from given parameters, gives those parameters as they
     *     are
     * @param firstEpoch the epoch its batch order starts at (the baseline's epochs for a model that
     *     continues it; 0 otherwise)
     * @param hook called after every epoch with its validation scores; its result weights the next
     * @param part the mode's own part of its record; {@link ModeParts#NONE} for none
     * @param what what it trains, for its progress line
     */
    record Training(
            Optional<byte[]> from,
            ClassWeights weights,
            TrainingSettings settings,
            int epochs,
            int firstEpoch,
            ValidationHook hook,
            ModeParts part,
            String what) {}

    /**
     * Returns the recorded model, or trains it on the training split, scores it on the validation
     * and the test split, saves it as the run asks and records it.
     *
     * @param run the strategy and round
     * @param training how it trains; asked only if it is not recorded
     * @return its record
     */
    RunRecord trained(RunId run, Supplier<Training> training);

    /**
     * Hands a model's logits on the validation and the test split to {@code use}, for a mode that
     * combines several models (an ensemble's members): the baseline's for the baseline's run; else
     * the model recorded under the run, loaded from its saved file or made again by {@code
     * training} (deterministic for a seed), as a baseline is; else trained by {@code training},
     * scored, saved as the run saves baselines and recorded first. A run of another mode is keyed
     * as this mode keys its own models.
     *
     * @param run the model's run
     * @param training how it trains; asked only if it is trained
     * @param use what is made of the model's record and logits while the model is open
     * @param <T> what {@code use} makes
     * @return what {@code use} made
     */
    <T> T withLogits(
            RunId run, Supplier<Training> training, BiFunction<RunRecord, SplitLogits, T> use);

    /**
     * Trains a model without recording it, for a mode that makes a recorded model again ({@link
     * ExperimentMode#remake}). With 0 epochs from given parameters it is those parameters.
     *
     * @param training how it trains
     * @return the model, open; the caller closes it
     */
    Model fit(Training training);

    /**
     * Writes a note under the current model's progress line.
     *
     * @param note the note
     */
    void note(String note);

    /**
     * Returns the recorded model, or trains it from scratch with the plan's recipe and records it.
     *
     * @param run the strategy and round
     * @param weights the class weights of its first epoch
     * @param hook called after every epoch with the model's validation scores; its result weights
     *     the next epoch
     * @return its record
     */
    default RunRecord model(RunId run, ClassWeights weights, ValidationHook hook) {
        int epochs = plan().epochs();
        return trained(
                run,
                () ->
                        new Training(
                                Optional.empty(),
                                weights,
                                training(),
                                epochs,
                                0,
                                hook,
                                ModeParts.NONE,
                                "training " + describe(epochs)));
    }

    /**
     * Describes a training of this seed's model for progress lines.
     *
     * @param epochs its epochs
     * @return e.g. {@code cnn-small for 3 epochs on 200 images (PyTorch 2.7.1, cpu())}
     */
    String describe(int epochs);

    /**
     * Returns the recorded model, or derives it from another model of the seed without training and
     * records it: {@code derive} gets that model's logits on the validation and the test split (the
     * model kept from this run, loaded from its saved file, or made again by its mode).
     *
     * @param run the strategy and round
     * @param weights the class weights the derivation uses
     * @param source the model it derives from: the baseline, or one of the plan's runs of this
     *     seed, recorded
     * @param derive makes the derived model's scores from the source's logits
     * @return its record
     */
    RunRecord derived(
            RunId run, ClassWeights weights, RunId source, Function<SplitLogits, Derived> derive);

    /**
     * Returns the recorded model, or records one the mode makes itself: its training and scores,
     * its part of the record, and its model to save (or keep for a mode deriving from it).
     *
     * @param run the strategy and round
     * @param what what it does, for its progress line
     * @param make makes it; called only if it is not recorded
     * @return its record
     */
    RunRecord made(RunId run, String what, Supplier<Made> make);

    /**
     * A model a mode made itself.
     *
     * @param model its training and scores
     * @param part the mode's own part of its record
     * @param baselineValidation the baseline's scores on the validation images it is scored on,
     *     which its collapse is judged against
     * @param trainedOn the images each of its epochs went through
     * @param open makes its model, open, to save or keep; the caller closes it; null for a model
     *     that has none of its own (an ensemble, whose members are saved)
     */
    record Made(
            TrainedModel model,
            ModeParts part,
            SplitScores baselineValidation,
            long trainedOn,
            Supplier<Model> open) {}
}
