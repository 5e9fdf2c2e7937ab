package org.learnability.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.app.Application;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanCodec;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.Preset;
import org.learnability.runner.engine.ThreadRequest;

/**
 * The study grids shipped in {@code docs/studies} are grids {@code grid} runs: every experiment's
 * options make a valid plan, and each covers the arms the studies promise.
 */
class StudyGridsTest {

    private static final Path STUDIES = Path.of("..", "docs", "studies");

    @TempDir Path dir;

    /** The plan codec of an application with no plugins. */
    private PlanCodec codec() throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        return Application.start(dir.resolve("plugins"), ThreadRequest.DEFAULTS, List.of())
                .get(PlanCodec.class);
    }

    /** The plan of one experiment of a grid file, as the grid resolves it. */
    private static ExperimentPlan plan(
            PlanCodec codec, GridSpec grid, GridSpec.Named named, Path file) {
        return codec.resolve(
                grid.preset(), PlanOptions.of(named.options(), file + " (" + named.name() + ")"));
    }

    @Test
    void theStudyAtThePapersRegimeRanTheCpuPresetWithLabelSmoothingAndEma() throws IOException {
        PlanCodec codec = codec();
        GridSpec grid = GridSpec.read(STUDIES.resolve("cifar10-full.json"));
        for (GridSpec.Named named : grid.experiments()) {
            String where = "cifar10-full.json (" + named.name() + ")";
            ExperimentPlan study =
                    codec.resolve(grid.preset(), PlanOptions.of(named.options(), where));
            ExperimentPlan preset =
                    codec.resolve(
                            Preset.CPU,
                            PlanOptions.of(
                                    Map.of(
                                            "dataDir",
                                            "data/cifar10",
                                            "mode",
                                            study.arms().modeNames(),
                                            "strategies",
                                            study.arms().strategies(),
                                            // the candidate recipe the study ran; its ablation
                                            // then left these two out of the preset
                                            "labelSmoothing",
                                            0.1,
                                            "averaging",
                                            "ema"),
                                    "--preset cpu"));
            // the same baselines, trained the same way, but for the two settings named above
            assertEquals(study.baseline(), preset.baseline(), where);
            assertEquals(study.seeds(), preset.seeds(), where);
            assertEquals(study.arms(), preset.arms(), where);
        }
    }

    @Test
    void everyPresetResolvesAsShippedWithNoOptionGiven() throws IOException {
        PlanCodec codec = codec();
        for (Preset preset : Preset.values()) {
            String mode = preset.options().text("mode");
            // `run --preset NAME` alone: its modes are valid in the order the preset lists them
            ExperimentPlan plan =
                    codec.resolve(preset, PlanOptions.of(Map.of(), "--preset " + preset));
            assertEquals(mode, plan.arms().modeNames(), preset.toString());
        }
    }

    @Test
    void everyShippedStudyExpandsIntoValidPlans() throws IOException {
        PlanCodec codec = codec();
        List<Path> files;
        try (Stream<Path> list = Files.list(STUDIES)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(
                List.of(
                        "cifar10-full.json",
                        "cifar10.json",
                        "fair-cifar10.json",
                        "fair-fashion-mnist.json",
                        "fashion-mnist-on-baseline.json",
                        "fashion-mnist.json",
                        "minimax-sweep-fashion-mnist.json",
                        "paper.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : files) {
            GridSpec grid = GridSpec.read(file);
            StringBuilder arms = new StringBuilder();
            for (GridSpec.Named named : grid.experiments()) {
                ExperimentPlan plan = plan(codec, grid, named, file);
                arms.append(named.name())
                        .append(": ")
                        .append(plan.arms().modeNames())
                        .append(' ')
                        .append(plan.arms().strategies())
                        .append(' ')
                        .append(plan.baseline().schedule())
                        .append(' ')
                        .append(plan.baseline().averaging())
                        .append('\n');
            }
            String all = arms.toString();
            if (file.getFileName().toString().startsWith("fair-")) {
                // the fair-controls study (issue 32): every arm beside its compute-matched
                // control; the ensemble of 2 records the paper's two-stage model
                for (GridSpec.Named named : grid.experiments()) {
                    ExperimentPlan plan = plan(codec, grid, named, file);
                    assertTrue(
                            plan.controls().stream()
                                    .anyMatch(c -> c.epochs() == 2 * plan.baseline().epochs()),
                            file + ": controls on, the 2x-long one among them");
                    assertTrue(plan.seeds().size() >= 3, file.toString());
                }
                assertTrue(
                        all.contains(
                                "fair: posthoc,head,head+posthoc,minimax,ensemble,ensemble+posthoc"
                                        + " [mean-ratio:gamma=2]"),
                        file + " has the study's arms:\n" + all);
                continue;
            }
            if (file.endsWith("minimax-sweep-fashion-mnist.json")) {
                // the measurement of minimax's defaults (issue 32): step x mix, only minimax,
                // beside the fair study's eta 1, mix 0.5 on the same baselines; and the
                // adversary's weights as logit margins (loss margin) instead of loss weights
                Set<String> points = new HashSet<>();
                for (GridSpec.Named named : grid.experiments()) {
                    ExperimentPlan plan = plan(codec, grid, named, file);
                    assertEquals("minimax", plan.arms().modeNames(), named.name());
                    assertEquals(5, plan.seeds().size(), named.name());
                    points.add(
                            named.options().get("minimaxEta")
                                    + "/"
                                    + named.options().get("minimaxMix")
                                    + "/"
                                    + plan.arms().weighting().loss());
                }
                assertEquals(
                        grid.experiments().size(), points.size(), "each point once: " + points);
                continue;
            }
            if (file.endsWith("cifar10-full.json")
                    || file.endsWith("fashion-mnist-on-baseline.json")) {
                // the studies of the arms built on the baseline (issues 21 and 22): the paper's
                // method beside them on the same baselines, 3 seeds or more
                for (GridSpec.Named named : grid.experiments()) {
                    ExperimentPlan plan = plan(codec, grid, named, file);
                    assertTrue(plan.seeds().size() >= 3, named.name());
                    if (file.endsWith("cifar10-full.json")) {
                        // the paper's regime: the full training set, at most 15 epochs
                        assertEquals(45_000, plan.baseline().trainSize());
                        assertTrue(plan.baseline().epochs() <= 15, named.name());
                    }
                }
                assertTrue(
                        all.contains("paper-method: two-stage [mean-ratio:gamma=2]"),
                        file + " has the paper's method:\n" + all);
                assertTrue(
                        all.contains(
                                "built-on-baseline: posthoc,finetune,finetune+posthoc,head,"
                                        + "head+posthoc [mean-ratio:gamma=2,"
                                        + " difficulty:tau=dynamic]"),
                        file + " has the arms built on the baseline:\n" + all);
                continue;
            }
            assertTrue(
                    all.lines()
                            .anyMatch(
                                    l ->
                                            l.startsWith("cosine: ")
                                                    && l.endsWith(
                                                            " [mean-ratio:gamma=2] COSINE none")),
                    file + " has the cosine arm with the paper's weighting:\n" + all);
            assertTrue(
                    all.lines()
                            .anyMatch(
                                    l ->
                                            l.startsWith("ema: ")
                                                    && l.endsWith(
                                                            " [mean-ratio:gamma=2] CONSTANT"
                                                                    + " ema:decay=0.999")),
                    file + " has the EMA arm with the paper's weighting:\n" + all);
            if (!file.endsWith("paper.json")) {
                for (String arm :
                        List.of(
                                "mean-ratio:gamma=1",
                                "mean-ratio:gamma=3",
                                "shifted-power",
                                "difficulty:tau=dynamic",
                                "confusion",
                                "multiplicative",
                                "dynamic:",
                                "iterative:",
                                "posthoc")) {
                    assertTrue(all.contains(arm), file + " covers " + arm + ":\n" + all);
                }
            }
        }
    }
}
