package org.learnability.cluster.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.ExperimentPlan;

/**
 * The plan of an arm task: a mode with the modes that derive from its models, for some of the
 * plan's strategies; and the modes' names as a {@link GridTask} carries them ({@code
 * finetune,finetune+posthoc}).
 */
public final class ArmPlans {

    private ArmPlans() {}

    /**
     * Returns the part of a plan that some modes make for some strategies.
     *
     * @param plan the plan
     * @param modes some of its modes
     * @param strategies some of its strategies
     * @return the arm's plan
     */
    public static ExperimentPlan of(
            ExperimentPlan plan, List<ExperimentMode> modes, List<String> strategies) {
        return new ExperimentPlan(
                plan.preset(), plan.baseline(), plan.seeds(), plan.arms().only(modes, strategies));
    }

    /**
     * Returns a mode of a plan with the plan's modes that derive from its models.
     *
     * @param plan the plan
     * @param mode one of its modes
     * @return the mode, then the modes derived from it, in the plan's order
     */
    public static List<ExperimentMode> withDerived(ExperimentPlan plan, ExperimentMode mode) {
        List<ExperimentMode> modes = new ArrayList<>(List.of(mode));
        plan.arms().mode().stream()
                .filter(m -> m.source().equals(Optional.of(mode.name())))
                .forEach(modes::add);
        return modes;
    }

    /**
     * Names modes as a task carries them.
     *
     * @param modes the modes
     * @return their names, joined by commas
     */
    public static String names(List<ExperimentMode> modes) {
        return String.join(",", modes.stream().map(ExperimentMode::name).toList());
    }

    /**
     * Returns the modes of a plan that a task names.
     *
     * @param plan the plan
     * @param names the names, joined by commas ({@link #names})
     * @return the plan's modes of these names, in the plan's order
     */
    static List<ExperimentMode> named(ExperimentPlan plan, String names) {
        List<String> each = List.of(names.split(","));
        return plan.arms().mode().stream().filter(m -> each.contains(m.name())).toList();
    }
}
