package org.learnability.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import org.learnability.runner.data.TestSource;

/**
 * Every arm trained on one data set with one model, on any engine and in any mode.
 *
 * @param dataset the data set
 * @param model the model
 * @param classNames the class names, shared by every run
 * @param arms the arms: baselines first, then the strategies in the order they were first recorded,
 *     the engines of one strategy side by side
 */
public record ModelGroup(
        String dataset, String model, List<String> classNames, List<ArmResult> arms) {

    /** Takes immutable copies. */
    public ModelGroup {
        classNames = List.copyOf(classNames);
        arms = List.copyOf(arms);
    }

    /**
     * Returns the engines.
     *
     * @return every engine, in the order of the arms
     */
    public List<String> engines() {
        return arms.stream().map(a -> a.arm().engine()).distinct().toList();
    }

    /**
     * Returns the modes.
     *
     * @return every mode, in the order of the arms
     */
    public List<String> modes() {
        return arms.stream().map(a -> a.arm().mode()).distinct().toList();
    }

    /**
     * Returns where the test splits of the group's models come from, where they are not a data
     * set's official test set (a test folder, or samples held out of the data).
     *
     * @return the distinct sources, in the order of the arms; empty for official test sets and for
     *     records written before they were recorded
     */
    public List<TestSource> testSplits() {
        return arms.stream()
                .flatMap(a -> a.models().stream())
                .map(m -> m.run().provenance().testSplit())
                .filter(t -> t != null && !TestSource.OFFICIAL.equals(t.from()))
                .distinct()
                .toList();
    }

    /**
     * Returns the baseline arms.
     *
     * @return one per engine (and mode, if baselines were recorded in several)
     */
    public List<ArmResult> baselines() {
        return arms.stream().filter(a -> a.arm().baseline()).toList();
    }

    /**
     * Returns the weighted arms.
     *
     * @return every arm but the baselines
     */
    public List<ArmResult> weighted() {
        return arms.stream().filter(a -> !a.arm().baseline()).toList();
    }

    /**
     * Names an arm for tables and charts: its strategy, with its mode when the group has several
     * modes and its engine when it has several engines, e.g. {@code mean-ratio:gamma=2 (MXNet)}.
     *
     * @param arm the arm
     * @return the label
     */
    public String label(Arm arm) {
        List<String> qualifiers = new ArrayList<>();
        if (modes().size() > 1) {
            qualifiers.add(arm.mode());
        }
        if (engines().size() > 1) {
            qualifiers.add(arm.engine());
        }
        return qualifiers.isEmpty()
                ? arm.weightedStrategy()
                : arm.weightedStrategy() + " (" + String.join(", ", qualifiers) + ")";
    }
}
