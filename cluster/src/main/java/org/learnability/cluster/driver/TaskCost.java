package org.learnability.cluster.driver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.learnability.cluster.task.GridTask;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.ExperimentPlan;

/** The work of a grid's tasks, estimated in images to train, and each stage's order by it. */
final class TaskCost {

    private TaskCost() {}

    /**
     * The images a task trains on, for ordering: its models' trainings ({@link
     * ExperimentMode#trainings}: a fine-tune's epochs, a head's features, about one epoch's pass,
     * whole trainings), at least 1.
     */
    static long of(ExperimentPlan plan, ExperimentMode mode, int models) {
        return Math.max(1, Math.round(mode.trainings(plan.view()) * images(plan)) * models);
    }

    /** The images a model of a plan trains on, for ordering tasks. */
    static long images(ExperimentPlan plan) {
        int train = plan.baseline().trainSize() == 0 ? 50_000 : plan.baseline().trainSize();
        return (long) train * plan.baseline().epochs();
    }

    /** The tasks longest first, each given its place. */
    static List<GridTask> ordered(List<GridTask> tasks) {
        List<GridTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingLong(GridTask::cost).reversed());
        List<GridTask> indexed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            indexed.add(sorted.get(i).at(i));
        }
        return indexed;
    }
}
