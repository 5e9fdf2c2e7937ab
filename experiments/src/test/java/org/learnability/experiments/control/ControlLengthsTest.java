package org.learnability.experiments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.mode.DynamicMode;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.IterativeMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.mode.TwoStageMode;
import org.learnability.experiments.mode.ensemble.EnsembleMode;
import org.learnability.experiments.mode.ensemble.EnsembleSettings;
import org.learnability.experiments.mode.finetune.FinetuneMode;
import org.learnability.experiments.mode.finetune.FinetuneSettings;
import org.learnability.experiments.mode.minimax.MinimaxMode;
import org.learnability.experiments.mode.posthoc.PosthocMode;
import org.learnability.experiments.record.TrainingVariant;
import org.learnability.experiments.setting.OptionGroups;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingSettings;

/**
 * The controls a plan's modes need: one per distinct cost above the baseline's, in whole epochs
 * rounded up; none for arms of the baseline's cost, none when off; and a control's recipe is the
 * baseline's stretched.
 */
class ControlLengthsTest {

    /** 15 epochs, 3 rounds, a fine-tune of 1 epoch, an ensemble of 2. */
    private static final PlanView PLAN =
            new PlanView(
                    15,
                    0,
                    3,
                    0.005,
                    Weighting.PAPER,
                    new OptionGroups(
                            Map.of(
                                    FinetuneSettings.class,
                                    new FinetuneSettings(1, 1e-4),
                                    EnsembleSettings.class,
                                    new EnsembleSettings(2))));

    private static List<Integer> epochs(ExperimentMode... modes) {
        return ComputeControl.of(PLAN, List.of(modes), true).stream()
                .map(ComputeControl::epochs)
                .toList();
    }

    @Test
    void eachCostAboveTheBaselinesGetsOneControl() {
        assertEquals(
                List.of(30), epochs(new TwoStageMode()), "its own training and the baseline's");
        assertEquals(List.of(60), epochs(new IterativeMode()), "3 rounds and the baseline");
        assertEquals(List.of(16), epochs(new FinetuneMode()), "the baseline's 15 and 1 more");
        assertEquals(List.of(), epochs(new PosthocMode()), "the baseline's cost: the baseline");
        assertEquals(List.of(), epochs(new DynamicMode()), "one training from scratch");
        assertEquals(List.of(), epochs(new MinimaxMode()), "one training from scratch");
        assertEquals(List.of(30), epochs(new EnsembleMode()), "K = 2 models of the recipe");
        assertEquals(
                List.of(16, 30),
                epochs(
                        new TwoStageMode(),
                        new FinetuneMode(),
                        new PosthocMode(),
                        new TwoStageMode()),
                "one per length, shortest first");
        assertEquals(List.of(), ComputeControl.of(PLAN, List.of(new TwoStageMode()), false), "off");
    }

    @Test
    void aCostBetweenWholeEpochsRoundsUp() {
        assertEquals(17, ComputeControl.epochs(16.5 / 15, 15));
        assertEquals(16, ComputeControl.epochs(16 / 15.0, 15), "no rounding error added");
        assertEquals("control ×1.07 (16 epochs)", new ComputeControl(16, 15).label());
        assertEquals("control ×2", new ComputeControl(30, 15).label());
        assertThrows(IllegalArgumentException.class, () -> new ComputeControl(15, 15));
    }

    @Test
    void theRecipeIsTheBaselinesStretched() {
        TrainingSettings baseline =
                TrainingSettings.defaults()
                        .withEpochs(10)
                        .withSchedule(
                                TrainingSettings.Schedule.COSINE,
                                new org.learnability.runner.training.Warmup(0.1))
                        .withAveraging(new Averaging(Averaging.Kind.SWA, 0, 6));
        ComputeControl control = new ComputeControl(20, 10);
        TrainingSettings stretched = control.settings(baseline);
        assertEquals(20, stretched.epochs());
        assertEquals(baseline.learningRate(), stretched.learningRate());
        assertEquals(baseline.schedule(), stretched.schedule());
        assertEquals(baseline.warmup(), stretched.warmup(), "a share of the updates");
        assertEquals(11, stretched.averaging().start(), "epochs 6..10 of 10: 11..20 of 20");
        assertEquals(
                "pytorch/3/control/uniform[epochs=20;schedule=cosine]/1",
                control.key("pytorch", 3, new TrainingVariant("cosine", "none", 0, 0, "none"))
                        .toString());
    }
}
