package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.testing.PluginJars;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;

/**
 * The options of the interventions refuse bad values in one line each, before anything trains or is
 * written; {@code losses} lists the loss families.
 */
class InterventionOptionsTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    private void assertRefused(String message, String... options) {
        assertRefused(message, List.of(), options);
    }

    /** As {@link #assertRefused(String, String...)}, with switches after the option-value pairs. */
    private void assertRefused(String message, List<String> switches, String... options) {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(cli.args(concat(options, "--out", out.toString())));
        args.addAll(switches);
        CliRun run = CliRun.of(args);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("error: " + message + "\n", run.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static String[] concat(String[] first, String... then) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(then)).toArray(String[]::new);
    }

    @Test
    void badLossesAndApplicationsAreOneLine() {
        assertRefused("unknown loss 'hinge'; known losses: ce, focal, margin", "--loss", "hinge");
        assertRefused(
                "loss focal has no parameter 'alpha'; its parameters: gamma",
                "--loss",
                "focal:alpha=1");
        assertRefused(
                "loss margin: tau=-1 is not valid; expected a number in [0, 10]",
                "--loss",
                "margin:tau=-1");
        assertRefused(
                "unknown weight application 'sideways'; expected one of loss, sampling, both",
                "--apply",
                "sideways");
    }

    @Test
    void smoothingOutOfRangeIsOneLine() {
        assertRefused("--weight-ema is 1.0; expected a number in [0, 1)", "--weight-ema", "1");
        assertRefused(
                "--uniform-mix is -0.1; expected a number in [0, 1)", "--uniform-mix", "-0.1");
        assertRefused(
                "--warmup-epochs is 3; expected a whole number below --epochs (3)",
                "--mode",
                "dynamic",
                "--epochs",
                "3",
                "--warmup-epochs",
                "3");
        assertRefused("--warmup-epochs is 0; expected a whole number >= 1", "--warmup-epochs", "0");
        assertRefused(
                "--max-accuracy-drop is 2.0; expected a number in [0, 1]",
                "--max-accuracy-drop",
                "2");
        assertRefused(
                "--max-weight-ratio is 0.5; expected a number >= 1, or none (0) for no bound",
                "--max-weight-ratio",
                "0.5");
        assertRefused(
                "--collapse-threshold is 1.5; expected a number in [0, 1]",
                "--collapse-threshold",
                "1.5");
    }

    @Test
    void averagingAndScoreEpochsOutOfRangeAreOneLine() {
        assertRefused(
                "--averaging ema:decay=1.5; expected a decay in (0, 1)",
                "--averaging",
                "ema:decay=1.5");
        assertRefused(
                "--averaging ema:decay=0.0; expected a decay in (0, 1)",
                "--averaging",
                "ema:decay=0");
        assertRefused(
                "--averaging swa:start=3; expected a first epoch below --epochs (3)",
                "--epochs",
                "3",
                "--averaging",
                "swa:start=3");
        assertRefused(
                "--averaging 'polyak': unknown averaging 'polyak'; expected none, ema[:decay=D] or"
                        + " swa[:start=E]",
                "--averaging",
                "polyak");
        assertRefused(
                "--score-epochs is 4; expected a whole number from 1 to --epochs (3)",
                "--epochs",
                "3",
                "--score-epochs",
                "4");
        assertRefused(
                "--score-epochs 2 averages the validation scores of the last epochs, which"
                        + " --no-validate-every-epoch does not score; use --score-epochs 1 or"
                        + " --validate-every-epoch",
                List.of("--no-validate-every-epoch"),
                "--epochs",
                "3",
                "--score-epochs",
                "2");
    }

    @Test
    void posthocWithOptionsOfTrainingModesIsOneLine() {
        assertRefused(
                "--rounds is 3; expected 1 unless --mode iterative",
                "--mode",
                "posthoc",
                "--rounds",
                "3");
        assertRefused(
                "--loss focal has no effect: --mode posthoc trains no model",
                "--mode",
                "posthoc",
                "--loss",
                "focal");
        assertRefused(
                "--apply sampling has no effect: --mode posthoc trains no model",
                "--mode",
                "posthoc",
                "--apply",
                "sampling");
        assertRefused(
                "--mode lists posthoc twice; give each mode once", "--mode", "posthoc,posthoc");
    }

    @Test
    void samplingWithAZeroWeightIsFoundBeforeTraining() {
        Path plugins = dir.resolve("plugins-zero");
        try {
            Files.createDirectories(plugins);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String source =
                """
                package com.example;

                import java.util.List;
                import org.learnability.api.strategy.*;
                import org.learnability.api.weights.ClassWeights;

                public class ZeroFirst implements WeightStrategyProvider {
                    public String name() { return "zero-first"; }
                    public String description() { return "weight 0 for class 0"; }
                    public WeightStrategy create(StrategyParameters p) {
                        return (scores, current) -> {
                            double[] w = new double[scores.numClasses()];
                            java.util.Arrays.fill(w, 1);
                            w[0] = 0;
                            return ClassWeights.of(w);
                        };
                    }
                }
                """;
        PluginJars.plugin(
                plugins.resolve("zero.jar"),
                Map.of("com.example.ZeroFirst", source),
                "com.example.ZeroFirst");
        assertRefused(
                "strategy zero-first (com.example.ZeroFirst in "
                        + plugins.resolve("zero.jar")
                        + "): weights() failed: IllegalArgumentException: weight of class 0 is 0.0;"
                        + " class weights must be finite and > 0",
                "--apply",
                "sampling",
                "--strategies",
                "zero-first",
                "--plugins",
                plugins.toString());
    }

    @Test
    void lossesListsEveryFamilyWithItsParameters() {
        CliRun run = CliRun.of("losses");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertEquals(
                java.util.List.of("ce", "focal", "margin"),
                out.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList());
        assertEquals(true, out.contains("  gamma=2  (a number in [0, 10])"), out);
        assertEquals(true, out.contains("  tau=1  (a number in [0, 10])"), out);
        assertEquals(true, out.contains("ce\n  weighted softmax cross-entropy"), out);
    }
}
