package org.learnability.experiments.mode;

import ai.djl.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.SplitScores;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.pipeline.SplitLogits;
import org.learnability.runner.registry.Named;
import org.learnability.runner.training.WeightApplication;

/**
 * How the weighted models of an experiment are made, for every seed, after the baseline (every
 * class weight 1): a plug-in, as a weight strategy is. A mode declares which models a plan makes it
 * make ({@link #weightedRuns}) and makes them for one seed ({@link #run}) from the seed runner's
 * primitives ({@link SeedModels}: train from given parameters with given weights and settings,
 * logits and features, score, save, record); it may declare options of its own ({@link #settings}),
 * whose values it reads from the plan, and writes its own part of each record. The experiment
 * runner does the rest: the baseline, the resume ledger, the data, the records and the report.
 *
 * <p>A new mode is one class (or package) implementing this and one registration: a {@code
 * MapBinder} line in {@code ModeModule}, or, from a jar in the plugins directory, a line in its
 * {@code META-INF/services/org.learnability.experiments.mode.ExperimentMode}.
 */
public interface ExperimentMode extends Named {

    /**
     * Returns the plan options this mode sets when it is chosen explicitly and they are not, for
     * example {@code rounds = 3} for {@code iterative}.
     *
     * @return option values by plan key
     */
    default Map<String, Object> defaults() {
        return Map.of();
    }

    /**
     * Returns the record type whose {@code @Setting} components are this mode's own options (a
     * group of the plan's options), which it reads with {@link SeedModels#settings}.
     *
     * @return the group; empty for a mode without options of its own
     */
    default Optional<Class<? extends Record>> settings() {
        return Optional.empty();
    }

    /**
     * Returns the plan's weighting as this mode's models use it. By default a mode trains with the
     * loss family and weight application and has no unweighted warm-up epochs.
     *
     * @param plan the plan's weighting
     * @return the weighting its models record and are keyed by
     */
    default Weighting weighting(Weighting plan) {
        return plan.in(true, false);
    }

    /**
     * Tells whether a mode trains its models: whether the plan's weight application (and loss
     * family) act on them, as its {@link #weighting} says.
     *
     * @param mode the mode
     * @return {@code false} for a mode that only derives from logits
     */
    static boolean trains(ExperimentMode mode) {
        Weighting sampling =
                new Weighting(
                        Weighting.PAPER.loss(),
                        WeightApplication.SAMPLING,
                        0,
                        0,
                        Weighting.PAPER.warmupEpochs(),
                        0,
                        1);
        return mode.weighting(sampling).apply() == WeightApplication.SAMPLING;
    }

    /**
     * Tells whether a mode's runs depend on the plan's rounds, so that {@code --rounds} may be
     * above 1.
     *
     * @param mode the mode
     * @return {@code true} for {@code iterative}
     */
    static boolean usesRounds(ExperimentMode mode) {
        List<String> one = List.of("uniform");
        return !mode.weightedRuns(one, 2).equals(mode.weightedRuns(one, 1));
    }

    /**
     * Checks the plan's options that this mode reads, naming the option at fault.
     *
     * @param plan what the mode reads of the plan
     * @throws IllegalArgumentException for a value this mode cannot run with
     */
    default void check(PlanView plan) {}

    /**
     * Checks the plan's options that this mode reads against the data's classes, which a user's
     * folder or table makes known only once it is found; before anything trains or is written.
     *
     * @param plan what the mode reads of the plan
     * @param classes the data's class names
     * @throws IllegalArgumentException naming the option to change
     */
    default void check(PlanView plan, List<String> classes) {}

    /**
     * Returns what one of this mode's models costs in trainings of the baseline's recipe: 1 for a
     * model trained from scratch as long as the baseline, a fraction for one built on the trained
     * baseline, 0 for one derived from logits without training (a mode that derives from another
     * mode's models counts that mode's).
     *
     * @param plan what the mode reads of the plan
     * @return the trainings, at least 0
     */
    default double trainings(PlanView plan) {
        return 1;
    }

    /**
     * Returns what one of this mode's models costs in all, in trainings of the baseline's recipe:
     * its own ({@link #trainings}) and those of the models it builds on. By default it builds on
     * the seed's baseline (its weights come from the baseline's scores, or it starts from the
     * baseline's parameters or logits): {@code trainings + 1}. A mode whose models train from
     * scratch without the baseline returns its own. The compute-matched control of its models
     * trains this many (rounded up to whole epochs), and its records say it ({@code totalImages}).
     *
     * @param plan what the mode reads of the plan
     * @return the trainings, at least {@link #trainings}
     */
    default double totalTrainings(PlanView plan) {
        return trainings(plan) + 1;
    }

    /**
     * Tells whether this mode's models are made from the trained baseline's model, so that a
     * recorded baseline's model is loaded rather than trained again, and a grid gives all of a
     * seed's models of this mode one task.
     *
     * @param plan what the mode reads of the plan
     * @return by default whether a model costs less than a training ({@link #trainings})
     */
    default boolean buildsOnBaseline(PlanView plan) {
        return trainings(plan) < 1;
    }

    /**
     * Counts the models a seed of this mode records beside its weighted runs ({@link
     * #weightedRuns}), for the progress count: an ensemble's added members.
     *
     * @param plan what the mode reads of the plan
     * @param strategies the plan's strategies
     * @return the models; by default none
     */
    default int memberModels(PlanView plan, List<String> strategies) {
        return 0;
    }

    /**
     * Names the modes whose models this mode also trains and records under their keys ({@code
     * ensemble} with a strategy: its first added model is the {@code two-stage} arm's), so that a
     * grid runs such modes of a plan in one task rather than train one model twice side by side.
     *
     * @param plan what the mode reads of the plan
     * @return mode names; by default none
     */
    default List<String> alsoRecords(PlanView plan) {
        return List.of();
    }

    /**
     * Describes how this mode's own options differ from their defaults, for model keys and labels
     * (after the weighting's part).
     *
     * @param plan what the mode reads of the plan
     * @return e.g. {@code finetune-epochs=3}; empty when they are the defaults
     */
    default String variant(PlanView plan) {
        return "";
    }

    /**
     * Returns the mode whose models this one derives from, one for one; a plan lists it before this
     * one, and a grid runs both in one task.
     *
     * @return e.g. {@code finetune} for {@code finetune+posthoc}; empty for a mode that builds on
     *     the baseline alone
     */
    default Optional<String> source() {
        return Optional.empty();
    }

    /**
     * Returns the weighted models a plan makes this mode make for one seed, in the order they are
     * made.
     *
     * @param strategies the plan's strategies, by spec
     * @param rounds the plan's rounds
     * @return every strategy's runs
     */
    List<RunId> weightedRuns(List<String> strategies, int rounds);

    /**
     * Makes the weighted models of one seed. Every model goes through one of {@link SeedModels}'
     * primitives, which skip those already recorded.
     *
     * @param seed the seed's data, baseline, strategies and primitives
     */
    void run(SeedModels seed);

    /**
     * Makes one of this mode's recorded models again, for a mode that derives from it when its
     * parameters were neither kept nor saved (training is deterministic for a seed).
     *
     * @param seed the seed
     * @param record the model's record
     * @return the model, open; the caller closes it; empty if this mode cannot make it again
     */
    default Optional<Model> remake(SeedModels seed, RunRecord record) {
        return Optional.empty();
    }

    /**
     * Returns the logits a mode deriving from one of this mode's models works on: by default the
     * whole validation and test split; a mode whose models trained on part of the validation split
     * gives the rest.
     *
     * @param seed the seed
     * @param record the model's record
     * @param logits its logits on the whole splits
     * @return the logits to derive from; the caller closes what differs from {@code logits}
     */
    default SplitLogits scoredOn(SeedModels seed, RunRecord record, SplitLogits logits) {
        return logits;
    }

    /**
     * Returns the baseline's validation scores that one of this mode's models is compared with (for
     * its collapse): by default the baseline's record's; a mode scored on part of the validation
     * split gives the baseline's scores on that part.
     *
     * @param baseline the seed's baseline
     * @param record one of this mode's models (or of a mode deriving from them)
     * @return the scores
     */
    default SplitScores baselineValidation(RunRecord baseline, RunRecord record) {
        return baseline.scores().validation();
    }
}
