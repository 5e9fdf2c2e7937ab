package org.learnability.cluster.task;

import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.ExperimentPlan;

/**
 * The plan of an arm task: a mode with the modes that derive from its models or whose models it
 * records, for some of the plan's strategies; and the modes' names as a {@link GridTask} carries
 * them ({@code finetune,finetune+posthoc}).
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
     * Returns a mode of a plan with the plan's modes that derive from its models, and those whose
     * models it records ({@link ExperimentMode#alsoRecords}) with theirs: the modes of one task.
     *
     * @param plan the plan
     * @param mode one of its modes
     * @return the mode, then the others, in the plan's order
     */
    public static List<ExperimentMode> withDerived(ExperimentPlan plan, ExperimentMode mode) {
        List<String> names = new ArrayList<>(List.of(mode.name()));
        names.addAll(mode.alsoRecords(plan.view()));
        List<ExperimentMode> modes = new ArrayList<>(List.of(mode));
        plan.arms().mode().stream()
                .filter(m -> m != mode)
                .filter(m -> names.contains(m.name()) || names.contains(m.source().orElse("")))
                .forEach(modes::add);
        return modes;
    }

    /**
     * Tells whether a mode of a plan runs in the task of another ({@link #withDerived}): it derives
     * from another's models, or another records its models.
     *
     * @param plan the plan
     * @param mode one of its modes
     * @return whether it has no task of its own
     */
    public static boolean inAnothersTask(ExperimentPlan plan, ExperimentMode mode) {
        return mode.source().isPresent()
                || plan.arms().mode().stream()
                        .anyMatch(
                                m ->
                                        m != mode
                                                && m.source().isEmpty()
                                                && m.alsoRecords(plan.view())
                                                        .contains(mode.name()));
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
