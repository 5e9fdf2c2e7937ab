package org.learnability.experiments.mode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.learnability.runner.registry.Named;

/**
 * How the weighted models of an experiment are trained, for every seed, after the baseline (every
 * class weight 1). A mode declares which models a plan makes it train ({@link #weightedRuns}) and
 * trains them for one seed ({@link #run}); the experiment runner does the rest: the baseline, the
 * resume ledger, the data, the records and the report. A new mode is one class implementing this
 * and one {@code MapBinder} line in {@code ModeModule}.
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
     * Tells whether the mode trains several rounds, so that {@code --rounds} may be above 1.
     *
     * @return {@code true} if it reads the plan's rounds
     */
    default boolean usesRounds() {
        return false;
    }

    /**
     * Tells whether the mode trains models, so that the loss and the weight application matter.
     *
     * @return {@code false} for a mode that only derives from the baseline ({@code posthoc})
     */
    default boolean trains() {
        return true;
    }

    /**
     * Tells whether the mode has unweighted warm-up epochs, so that {@code --warmup-epochs}
     * matters.
     *
     * @return {@code true} for {@code dynamic}
     */
    default boolean usesWarmup() {
        return false;
    }

    /**
     * Tells whether the mode needs the baseline's model itself (its logits, its parameters), not
     * only its record: a run then loads the saved baseline, or trains it again if it cannot.
     *
     * @return {@code true} for {@code posthoc} and {@code finetune}
     */
    default boolean usesBaselineModel() {
        return false;
    }

    /**
     * Tells whether the mode's models are the baseline fine-tuned (or derived from such), so that
     * the plan's {@code --finetune-epochs} and {@code --finetune-lr} belong to their keys and
     * records.
     *
     * @return {@code true} for {@code finetune} and {@code finetune+posthoc}
     */
    default boolean finetunes() {
        return false;
    }

    /**
     * Tells whether the mode's models are the baseline with its final dense layer re-trained (or
     * derived from such), so that the plan's {@code --head-*} options belong to their keys and
     * records.
     *
     * @return {@code true} for {@code head} and {@code head+posthoc}
     */
    default boolean retrainsHead() {
        return false;
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
     * Returns the weighted models a plan makes this mode train for one seed, in the order they are
     * trained.
     *
     * @param strategies the plan's strategies, by spec
     * @param rounds the plan's rounds (1 unless the mode {@linkplain #usesRounds uses rounds})
     * @return every strategy's runs
     */
    List<RunId> weightedRuns(List<String> strategies, int rounds);

    /**
     * Trains the weighted models of one seed. Every model goes through {@link SeedRun#model}, which
     * skips those already recorded.
     *
     * @param seed the seed's data, baseline and strategies
     */
    void run(SeedRun seed);
}
