package org.learnability.experiments.plan;

import java.util.ArrayList;
import java.util.List;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.RunId;
import org.learnability.experiments.setting.OptionGroups;
import org.learnability.experiments.setting.Setting;
import org.learnability.experiments.weighting.Weighting;

/**
 * What an experiment builds on each seed's baseline: the strategies, the modes that turn their
 * weights into models, and how the weights act ({@link Weighting}).
 *
 * @param strategies the weighted strategies' canonical specs, each once; the baseline {@code
 *     uniform} is implicit, and a weighted {@code uniform} is kept only where the weighting itself
 *     differs from the baseline's or a mode derives from the baseline
 * @param mode the modes, each run in turn for every seed
 * @param rounds weighted rounds (of the modes whose runs depend on them; 1 otherwise)
 * @param weighting how the weights act
 * @param maxAccuracyDrop the validation accuracy a choice made on validation (posthoc's offset
 *     scale) may give up against the baseline
 * @param collapseThreshold how far a weighted model's validation accuracy may fall below its
 *     baseline's before it counts as collapsed (a warning, not a failure)
 * @param modeOptions every registered mode's own options ({@link ExperimentMode#settings}), whether
 *     or not the plan runs the mode
 */
public record ArmPlan(
        @Setting(
                        order = 4,
                        label = "SPECS",
                        identity = false,
                        help =
                                "Comma-separated strategy specs, e.g. mean-ratio:gamma=2,difficulty;"
                                        + " the baseline uniform is always trained.")
                List<String> strategies,
        @Setting(
                        order = 15,
                        label = "MODES",
                        identity = false,
                        help =
                                "Comma-separated modes, each run in turn for every seed:"
                                        + " ${bundle:modes}.")
                List<ExperimentMode> mode,
        @Setting(order = 16, label = "R", help = "Weighted rounds of the iterative mode.")
                int rounds,
        Weighting weighting,
        @Setting(
                        order = 23,
                        label = "X",
                        since = "0.005",
                        help =
                                "Validation accuracy a choice made on validation (posthoc's T, the"
                                        + " report's recommended arm) may give up against the"
                                        + " baseline.")
                double maxAccuracyDrop,
        @Setting(
                        order = 25,
                        label = "X",
                        since = "0.05",
                        help =
                                "Warn when a weighted model's validation accuracy falls more than"
                                        + " X below its baseline's.")
                double collapseThreshold,
        OptionGroups modeOptions) {

    /** The strategy spec of the baseline. */
    public static final String BASELINE = "uniform";

    /** Validates the plan, naming the option at fault. */
    public ArmPlan {
        mode = List.copyOf(mode);
        check(!mode.isEmpty(), "--mode", "nothing", "at least one mode");
        // a weighted uniform is the baseline again, unless the weighting differs from the
        // baseline's or a mode derives from the baseline (posthoc: a check that changes nothing)
        boolean plain =
                weighting.weighsLikeBaseline() && mode.stream().allMatch(ExperimentMode::trains);
        List<String> specs = new ArrayList<>();
        for (String s : strategies) {
            String canonical = StrategySpec.parse(s).toString();
            if (!(canonical.equals(BASELINE) && plain) && !specs.contains(canonical)) {
                specs.add(canonical);
            }
        }
        strategies = List.copyOf(specs);
        check(rounds >= 1, "--rounds", rounds, "a whole number >= 1");
        checkAccuracyDrop(maxAccuracyDrop);
        check(
                collapseThreshold >= 0 && collapseThreshold <= 1,
                "--collapse-threshold",
                collapseThreshold,
                "a number in [0, 1]");
        modeOptions = modeOptions == null ? OptionGroups.NONE : modeOptions;
        List<String> before = new ArrayList<>();
        for (ExperimentMode m : mode) {
            m.source()
                    .filter(source -> !before.contains(source))
                    .ifPresent(
                            source -> {
                                throw new IllegalArgumentException(
                                        "--mode lists "
                                                + m.name()
                                                + " without "
                                                + source
                                                + " before it; expected e.g. "
                                                + source
                                                + ","
                                                + m.name());
                            });
            before.add(m.name());
        }
    }

    /**
     * Returns the options of a mode's group ({@link ExperimentMode#settings}).
     *
     * @param group the group's type
     * @param <S> the type
     * @return its values in this plan
     * @throws IllegalArgumentException if the plan has no such group
     */
    public <S extends Record> S settings(Class<S> group) {
        return modeOptions.get(group);
    }

    /**
     * Returns the types of the modes' option groups this plan holds, whether or not it runs the
     * modes.
     *
     * @return the groups
     */
    public List<Class<? extends Record>> groups() {
        return modeOptions.types();
    }

    /**
     * Checks a {@code maxAccuracyDrop}, as a plan and a report take it.
     *
     * @param drop the validation accuracy a choice may give up
     * @return the drop
     * @throws IllegalArgumentException unless it is in [0, 1]
     */
    public static double checkAccuracyDrop(double drop) {
        check(drop >= 0 && drop <= 1, "--max-accuracy-drop", drop, "a number in [0, 1]");
        return drop;
    }

    private static void check(boolean ok, String option, Object value, String expected) {
        if (!ok) {
            throw new IllegalArgumentException(option + " is " + value + "; expected " + expected);
        }
    }

    /**
     * Returns the part of this plan that one mode makes for some of the strategies: one arm of a
     * grid's second stage.
     *
     * @param m one of the plan's modes
     * @param some some of the plan's strategies
     * @return the plan of that arm
     */
    public ArmPlan only(ExperimentMode m, List<String> some) {
        return only(List.of(m), some);
    }

    /**
     * Returns the part of this plan that some modes make for some of the strategies: one arm of a
     * grid's second stage, with the modes that derive from its models.
     *
     * @param modes some of the plan's modes, in the plan's order
     * @param some some of the plan's strategies
     * @return the plan of that arm
     */
    public ArmPlan only(List<ExperimentMode> modes, List<String> some) {
        if (!mode.containsAll(modes) || !strategies.containsAll(some)) {
            throw new IllegalArgumentException(
                    modes.stream().map(ExperimentMode::name).toList()
                            + " "
                            + some
                            + " is not an arm of "
                            + modeNames()
                            + " "
                            + strategies);
        }
        return new ArmPlan(
                some, modes, rounds, weighting, maxAccuracyDrop, collapseThreshold, modeOptions);
    }

    /**
     * Returns the weighting of the models a mode makes.
     *
     * @param m the mode
     * @return the plan's weighting as the mode uses it ({@link ExperimentMode#weighting})
     */
    public Weighting weighting(ExperimentMode m) {
        return m.weighting(weighting);
    }

    /**
     * Returns the modes' names as {@code plan.json} and command lines write them.
     *
     * @return e.g. {@code two-stage,posthoc}
     */
    public String modeNames() {
        return String.join(",", mode.stream().map(ExperimentMode::name).toList());
    }

    /**
     * Returns the weighted models of one seed, as the modes declare them, mode after mode.
     *
     * @return the runs, in training order
     */
    public List<RunId> weightedRuns() {
        List<RunId> runs = new ArrayList<>();
        mode.forEach(m -> runs.addAll(m.weightedRuns(strategies, rounds)));
        return runs;
    }
}
