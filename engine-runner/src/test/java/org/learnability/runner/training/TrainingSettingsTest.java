package org.learnability.runner.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import org.junit.jupiter.api.Test;
import org.learnability.runner.loss.LabelSmoothing;
import org.learnability.runner.loss.LossChoice;
import org.learnability.runner.loss.LossFamily;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.wiring.TrainingModule;

/** The recipe's parts of the settings: defaults, validation, parsing. */
class TrainingSettingsTest {

    private final Registry<LossFamily> losses =
            Guice.createInjector(new TrainingModule())
                    .getInstance(Key.get(new TypeLiteral<Registry<LossFamily>>() {}));

    @Test
    void theFormWithoutTheNewPartsMeansNoneOfThem() {
        TrainingSettings defaults = TrainingSettings.defaults();
        assertEquals(Warmup.NONE, defaults.warmup());
        assertEquals(LabelSmoothing.NONE, defaults.labelSmoothing());
        TrainingSettings old =
                TrainingSettings.builder()
                        .optimizer(TrainingSettings.Optimizer.SGD)
                        .learningRate(0.05)
                        .momentum(0.9)
                        .weightDecay(5e-4)
                        .epochs(3)
                        .batchSize(64)
                        .schedule(TrainingSettings.Schedule.COSINE)
                        .seed(7)
                        .loss(LossChoice.CROSS_ENTROPY)
                        .apply(WeightApplication.LOSS)
                        .averaging(Averaging.NONE)
                        .build();
        assertEquals(
                new TrainingSettings(
                        TrainingSettings.Optimizer.SGD,
                        0.05,
                        0.9,
                        5e-4,
                        3,
                        64,
                        TrainingSettings.Schedule.COSINE,
                        7,
                        LossChoice.CROSS_ENTROPY,
                        WeightApplication.LOSS,
                        Averaging.NONE,
                        Warmup.NONE,
                        LabelSmoothing.NONE),
                old);
    }

    @Test
    void theBuilderStartsFromTheDefaultsOrTheSettingsAndChangesOnlyWhatItIsTold() {
        assertEquals(
                new TrainingSettings(
                        TrainingSettings.Optimizer.ADAM,
                        1e-3,
                        0.9,
                        0,
                        10,
                        128,
                        TrainingSettings.Schedule.CONSTANT,
                        0,
                        LossChoice.CROSS_ENTROPY,
                        WeightApplication.LOSS,
                        Averaging.NONE,
                        Warmup.NONE,
                        LabelSmoothing.NONE),
                TrainingSettings.defaults());
        TrainingSettings recipe =
                TrainingSettings.defaults()
                        .withOptimizer(TrainingSettings.Optimizer.SGD, 0.1, 0.8, 1e-4)
                        .withSchedule(TrainingSettings.Schedule.STEP, new Warmup(0.1));
        assertEquals(recipe, recipe.toBuilder().build());
        TrainingSettings faster = recipe.toBuilder().learningRate(0.2).build();
        assertEquals(0.2, faster.learningRate());
        assertEquals(recipe.withOptimizer(recipe.optimizer(), 0.2, 0.8, 1e-4), faster);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> recipe.toBuilder().batchSize(0).build());
        assertEquals("--batch-size is 0; expected a whole number >= 1", e.getMessage());
    }

    @Test
    void theWithMethodsChangeOnlyTheirParts() {
        TrainingSettings recipe =
                TrainingSettings.defaults()
                        .withOptimizer(TrainingSettings.Optimizer.NESTEROV, 0.2, 0.9, 5e-4)
                        .withSchedule(TrainingSettings.Schedule.LINEAR, new Warmup(0.2))
                        .withLabelSmoothing(new LabelSmoothing(0.1));
        assertEquals(TrainingSettings.Optimizer.NESTEROV, recipe.optimizer());
        assertEquals(0.2, recipe.learningRate());
        assertEquals(5e-4, recipe.weightDecay());
        assertEquals(TrainingSettings.Schedule.LINEAR, recipe.schedule());
        assertEquals(0.2, recipe.warmup().fraction());
        assertEquals(0.1, recipe.labelSmoothing().epsilon());
        assertEquals(recipe.warmup(), recipe.withEpochs(3).warmup());
        assertEquals(recipe.labelSmoothing(), recipe.withSeed(3).labelSmoothing());
        assertEquals(recipe.labelSmoothing(), recipe.withBatchSize(3).labelSmoothing());
        assertEquals(recipe.warmup(), recipe.withAveraging(Averaging.parse("ema")).warmup());
    }

    @Test
    void theNewNamesParse() {
        assertEquals(
                TrainingSettings.Optimizer.NESTEROV, TrainingSettings.Optimizer.parse("nesterov"));
        assertEquals(TrainingSettings.Optimizer.ADAMW, TrainingSettings.Optimizer.parse("AdamW"));
        assertEquals(TrainingSettings.Schedule.LINEAR, TrainingSettings.Schedule.parse("linear"));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> TrainingSettings.Optimizer.parse("nag"));
        assertEquals(
                "unknown optimizer 'nag'; expected one of adam, sgd, nesterov, adamw",
                e.getMessage());
    }

    @Test
    void warmupAndSmoothingRoundTripThroughText() {
        for (String text : new String[] {"0", "0.1", "0.25", "0.05"}) {
            assertEquals(text, Warmup.parse(text).toString());
            assertEquals(text, LabelSmoothing.parse(text).toString());
        }
        assertEquals(Warmup.NONE, Warmup.parse("none"));
        assertEquals(LabelSmoothing.NONE, LabelSmoothing.parse(" none "));
        assertEquals("0.3", new Warmup(0.30).toString());
        assertEquals(
                "--warmup is 1.0; expected a fraction of the updates in [0, 1)",
                assertThrows(IllegalArgumentException.class, () -> Warmup.parse("1")).getMessage());
        assertEquals(
                "warm-up 'ten'; expected a fraction of the updates in [0, 1)",
                assertThrows(IllegalArgumentException.class, () -> Warmup.parse("ten"))
                        .getMessage());
        assertEquals(
                "--label-smoothing is -0.1; expected a number in [0, 1)",
                assertThrows(IllegalArgumentException.class, () -> LabelSmoothing.parse("-0.1"))
                        .getMessage());
    }

    @Test
    void nesterovNeedsMomentum() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                TrainingSettings.defaults()
                                        .withOptimizer(
                                                TrainingSettings.Optimizer.NESTEROV, 0.1, 0, 0));
        assertEquals(
                "--momentum is 0.0; expected a number in (0, 1) for Nesterov momentum",
                e.getMessage());
    }

    @Test
    void aLossThatDoesNotTakeSmoothingIsRefusedBeforeTraining() {
        TrainingSettings focal =
                TrainingSettings.defaults()
                        .withWeighting(
                                LossChoice.parse(losses, "focal:gamma=2"), WeightApplication.LOSS);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> focal.withLabelSmoothing(new LabelSmoothing(0.1)));
        assertEquals(
                "loss 'focal' does not take label smoothing (asked 0.1); use 0, or a loss that"
                        + " does (ce, margin)",
                e.getMessage());
        TrainingSettings smoothed =
                TrainingSettings.defaults().withLabelSmoothing(new LabelSmoothing(0.1));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        smoothed.withWeighting(
                                LossChoice.parse(losses, "focal"), WeightApplication.LOSS));
        smoothed.withWeighting(LossChoice.parse(losses, "margin:tau=1"), WeightApplication.LOSS);
    }
}
