package org.learnability.cluster.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.Preset;
import org.learnability.runner.engine.ThreadRequest;

/**
 * A grid's arm task holds a mode with the modes that derive from its models and those whose models
 * it records: {@code two-stage} beside an ensemble of 2 runs in the ensemble's task, so that two
 * tasks side by side do not train the same second-stage model twice.
 */
class ArmPlansTest {

    @TempDir Path dir;

    private ExperimentPlan plan(int ensembleSize) throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        return Application.start(dir.resolve("plugins"), ThreadRequest.DEFAULTS, List.of())
                .get(PlanCodec.class)
                .resolve(
                        Preset.PAPER,
                        PlanOptions.of(
                                Map.of(
                                        "dataset", "fashion-mnist",
                                        "model", "cnn-small",
                                        "mode", "two-stage,head,head+posthoc,ensemble",
                                        "strategies", List.of("mean-ratio:gamma=2"),
                                        "ensembleSize", ensembleSize),
                                "grid.json"));
    }

    private static ExperimentMode mode(ExperimentPlan plan, String name) {
        return plan.arms().mode().stream().filter(m -> m.name().equals(name)).findFirst().get();
    }

    @Test
    void twoStageRunsInTheTaskOfTheEnsembleThatRecordsItsModel() throws IOException {
        ExperimentPlan plan = plan(2);
        assertEquals(
                "ensemble,two-stage",
                ArmPlans.names(ArmPlans.withDerived(plan, mode(plan, "ensemble"))));
        assertTrue(ArmPlans.inAnothersTask(plan, mode(plan, "two-stage")));
        assertEquals(
                "head,head+posthoc",
                ArmPlans.names(ArmPlans.withDerived(plan, mode(plan, "head"))));
        assertTrue(ArmPlans.inAnothersTask(plan, mode(plan, "head+posthoc")));
        assertFalse(ArmPlans.inAnothersTask(plan, mode(plan, "head")));
        assertFalse(ArmPlans.inAnothersTask(plan, mode(plan, "ensemble")));
    }

    @Test
    void anEnsembleOfThreeSharesNoModelWithTwoStage() throws IOException {
        ExperimentPlan plan = plan(3);
        assertFalse(ArmPlans.inAnothersTask(plan, mode(plan, "two-stage")));
        assertEquals(
                "ensemble", ArmPlans.names(ArmPlans.withDerived(plan, mode(plan, "ensemble"))));
    }
}
