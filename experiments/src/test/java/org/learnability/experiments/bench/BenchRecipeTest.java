package org.learnability.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.plan.BaselinePlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.Preset;
import org.learnability.runner.engine.ThreadRequest;

/** What {@code bench --preset} trains: each preset's baseline, described from its settings. */
class BenchRecipeTest {

    @TempDir Path dir;

    private PlanCodec codec() throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        return Application.start(dir.resolve("plugins"), ThreadRequest.DEFAULTS, List.of())
                .get(PlanCodec.class);
    }

    @Test
    void theBenchDescribesItsOwnTraining() {
        assertEquals("adam lr 0.001 constant", BenchRecipe.defaults(false).toString());
        assertEquals("adam lr 0.001 constant, augment", BenchRecipe.defaults(true).toString());
    }

    @Test
    void everyPresetsRecipeIsItsBaselineAsRunResolvesIt() throws IOException {
        PlanCodec codec = codec();
        for (Preset preset : Preset.values()) {
            // a mode given explicitly, so that the arms resolve whatever the preset's modes
            BaselinePlan asRun =
                    codec.resolve(preset, PlanOptions.of(Map.of("mode", "two-stage"), "test"))
                            .baseline();
            assertEquals(asRun, codec.baseline(preset), preset.toString());
        }
    }

    @Test
    void presetsAreDescribedFromTheirSettings() throws IOException {
        PlanCodec codec = codec();
        Map<Preset, String> expected =
                Map.of(
                        Preset.QUICK,
                        "quick: adam lr 0.001 constant",
                        Preset.PAPER,
                        "paper: adam lr 0.001 constant",
                        Preset.CPU,
                        "cpu: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear warmup 0.15, augment,"
                                + " test-time flip",
                        Preset.FAST,
                        "fast: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear warmup 0.15,"
                                + " test-time flip");
        for (Preset preset : Preset.values()) {
            BenchRecipe recipe = BenchRecipe.of(preset, codec.baseline(preset), 3, false);
            assertEquals(expected.get(preset), recipe.toString());
            assertEquals(3, recipe.settings().seed());
        }
        // the candidate recipe the study at the paper's regime ran: smoothing and an average
        BaselinePlan candidate =
                codec.resolve(
                                Preset.CPU,
                                PlanOptions.of(
                                        Map.of(
                                                "mode",
                                                "two-stage",
                                                "labelSmoothing",
                                                0.1,
                                                "averaging",
                                                "ema"),
                                        "test"))
                        .baseline();
        assertEquals(
                "cpu: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear warmup 0.15, label"
                        + " smoothing 0.1, ema:decay=0.999, augment, test-time flip",
                BenchRecipe.of(Preset.CPU, candidate, 3, false).toString());
        assertEquals(
                "quick: adam lr 0.001 constant, augment",
                BenchRecipe.of(Preset.QUICK, codec.baseline(Preset.QUICK), 0, true).toString(),
                "--augment on top of a preset without augmentation");
    }
}
