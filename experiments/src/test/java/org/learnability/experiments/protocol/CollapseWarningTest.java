package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.testing.PluginJars;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.EngineTest;
import org.learnability.experiments.weighting.WeightBound;

/**
 * A strategy plugin that weighs one class 1000 times every other: the weighted model collapses,
 * {@code run} says so in a warning line, the record is marked and the report's "Warnings" section
 * lists it; with {@code --max-weight-ratio 5} the weights the model trains with are bounded.
 */
@EngineTest
class CollapseWarningTest {

    private static final String EXTREME =
            """
            package com.example;

            import java.util.List;
            import org.learnability.api.strategy.*;
            import org.learnability.api.weights.ClassWeights;

            public class Extreme implements WeightStrategyProvider {
                public String name() { return "extreme"; }
                public String description() { return "class 0 weighs 1000 times every other"; }
                public List<ParameterSpec> parameters() { return List.of(); }
                public WeightStrategy create(StrategyParameters p) {
                    return (scores, current) -> {
                        double[] w = new double[scores.numClasses()];
                        java.util.Arrays.fill(w, 1.0);
                        w[0] = 1000.0;
                        return ClassWeights.of(w);
                    };
                }
            }
            """;

    @TempDir Path dir;

    private CliFixture cli;
    private final String engine = System.getProperty("ai.djl.default_engine", "PyTorch");

    @BeforeEach
    void setUp() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.plugin(
                plugins.resolve("extreme.jar"),
                Map.of("com.example.Extreme", EXTREME),
                "com.example.Extreme");
        cli =
                CliFixture.in(() -> dir)
                        .with(
                                "--plugins",
                                plugins.toString(),
                                "--strategies",
                                "extreme",
                                "--epochs",
                                "2");
    }

    @Test
    void anExtremeWeightingIsWarnedOfMarkedAndListedInTheReport() throws IOException {
        Path out = dir.resolve("unbounded");
        CliRun run = cli.run(out);
        assertEquals(0, run.exitCode(), run.err());

        List<RunRecord> records = RunsFile.read(out.resolve("runs.jsonl"));
        RunRecord baseline = records.get(0);
        RunRecord weighted = records.get(1);
        assertEquals(null, baseline.scores().collapse(), "a baseline is never marked");
        assertNotNull(
                weighted.scores().collapse(),
                "baseline validation accuracy "
                        + baseline.scores().validation().accuracy()
                        + ", weighted "
                        + weighted.scores().validation().accuracy());
        assertEquals(
                baseline.scores().validation().accuracy(),
                weighted.scores().collapse().baselineAccuracy());
        assertEquals(
                weighted.scores().validation().accuracy(), weighted.scores().collapse().accuracy());
        assertTrue(weighted.scores().collapse().drop() > 0.05);
        assertEquals(1000, WeightBound.ratio(weighted.weightsUsed()), 1e-9, "no bound by default");

        String warning =
                run.err()
                        .lines()
                        .filter(l -> l.startsWith("warning: extreme (seed 1, " + engine))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(run.err()));
        assertFalse(run.out().contains("warning:"), "warnings go to standard error: " + run.out());
        assertTrue(
                warning.startsWith(
                        String.format(
                                java.util.Locale.ROOT,
                                "warning: extreme (seed 1, %s, two-stage) collapsed: its validation"
                                        + " accuracy fell %.3f below the baseline's (%.3f -> %.3f,"
                                        + " threshold 0.05); weights",
                                engine,
                                weighted.scores().collapse().drop(),
                                baseline.scores().validation().accuracy(),
                                weighted.scores().validation().accuracy())),
                warning);
        assertTrue(warning.contains("(ratio 1000.0)"), warning);
        assertTrue(warning.contains("--max-weight-ratio"), warning);

        String report = Files.readString(out.resolve("report.md"));
        int warnings = report.indexOf("## Warnings");
        assertTrue(warnings > 0 && warnings < report.indexOf("## How to read this"), report);
        assertTrue(report.contains("One weighted model collapsed"), report);
        assertTrue(
                report.contains("| `extreme` (two-stage) | " + engine + " | 1 | "),
                "the collapsed model's row: " + report);
    }

    @Test
    void aBoundHoldsTheWeightsToTheRatio() throws IOException {
        Path out = dir.resolve("bounded");
        CliRun run = cli.run(out, "--max-weight-ratio", "5");
        assertEquals(0, run.exitCode(), run.err());

        RunRecord weighted = RunsFile.read(out.resolve("runs.jsonl")).get(1);
        assertEquals(engine + "/1/two-stage/extreme[max-ratio=5]/1", weighted.key());
        assertEquals(5.0, weighted.arm().weighting().maxWeightRatio());
        // logs of the raw weights: ln 1000 = 6.9078 once, 0 nine times; their mean g = 0.69078;
        // the bound clips to g + ln(5)/2 = 1.49550, so the ratio is e^1.49550 / e^0 = 4.4615
        assertEquals(4.4615, WeightBound.ratio(weighted.weightsUsed()), 1e-4);
    }
}
