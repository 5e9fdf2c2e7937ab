package org.learnability.cluster.task;

import java.io.Serializable;
import java.util.List;

/**
 * One Spark task of a grid, of one engine and seed: the seed's baseline (first stage), or one arm
 * of one experiment built on it (second stage): the models one mode makes for some of the
 * experiment's strategies (one strategy for a mode that trains; every strategy for one that only
 * derives from the baseline, which costs a scoring pass, not a training). What the arm needs of the
 * baseline travels with it: its record among the recorded ones, and its parameters where the driver
 * has them. Plain values only: it travels to the executors, and no file system is shared.
 *
 * @param index the task's place in its stage, longest first
 * @param engine the DJL engine
 * @param seed the seed
 * @param threads the engine threads of the task
 * @param pluginsDir the plugins directory (the same path on every machine)
 * @param experiment the experiment's name in the grid
 * @param plan its {@code plan.json} options, as JSON
 * @param recorded its records of this engine and seed, one JSON line each
 * @param mode the arm's mode, with the modes that derive from its models after a comma (e.g. {@code
 *     finetune,finetune+posthoc}); empty for a baseline task
 * @param strategies the arm's strategies; empty for a baseline task
 * @param baselineParameters the baseline's parameters in DJL's format, or empty where the driver
 *     has none (a derived arm then trains the recorded baseline again, deterministically)
 * @param cost the work estimated for ordering: images to train
 */
public record GridTask(
        int index,
        String engine,
        int seed,
        int threads,
        String pluginsDir,
        String experiment,
        String plan,
        List<String> recorded,
        String mode,
        List<String> strategies,
        byte[] baselineParameters,
        long cost)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Takes immutable copies. */
    public GridTask {
        recorded = List.copyOf(recorded);
        strategies = List.copyOf(strategies);
        baselineParameters = baselineParameters.clone();
    }

    /**
     * Tells whether this trains the seed's baseline.
     *
     * @return {@code true} for a first-stage task
     */
    public boolean baseline() {
        return mode.isEmpty();
    }

    /**
     * Returns this task at another place in its stage's order.
     *
     * @param place the index
     * @return the task
     */
    public GridTask at(int place) {
        return new GridTask(
                place,
                engine,
                seed,
                threads,
                pluginsDir,
                experiment,
                plan,
                recorded,
                mode,
                strategies,
                baselineParameters,
                cost);
    }

    /**
     * Describes the task for progress lines.
     *
     * @return e.g. {@code PyTorch seed 1 baseline} or {@code PyTorch seed 1 two-stage
     *     [mean-ratio:gamma=2] of weightings}
     */
    public String what() {
        return engine
                + " seed "
                + seed
                + (baseline() ? " baseline" : " " + mode + " " + strategies + " of " + experiment);
    }

    /**
     * What a task sends back.
     *
     * @param index the task's index in its stage
     * @param records the records of the models it made, as JSON lines, in the order they were made
     * @param parameters a baseline task's model parameters; empty otherwise
     */
    public record Result(int index, List<String> records, byte[] parameters)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Takes immutable copies. */
        public Result {
            records = List.copyOf(records);
            parameters = parameters.clone();
        }
    }
}
