package org.learnability.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.record.RunRecord;

/**
 * D, its confidence interval and p-values for the TPRs recorded by {@link SyntheticRuns}, against
 * values computed by hand (exact fractions with Python's {@code fractions}; square roots and t
 * quantiles with {@code mpmath} at 40 digits).
 */
class AnalysisTest {

    private static final double EPS = 1e-15;

    private static ArmResult arm(ModelGroup group, String strategy, String engine, String mode) {
        return group.arms().stream()
                .filter(
                        a ->
                                a.arm().strategy().equals(strategy)
                                        && a.arm().engine().equals(engine)
                                        && a.arm().mode().equals(mode))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void twoStageDPerSeedMeanIntervalAndPValues() {
        Analysis analysis = Analysis.of(SyntheticRuns.twoStage());
        assertEquals(9, analysis.runs());
        assertEquals(1, analysis.groups().size());
        ModelGroup group = analysis.groups().get(0);
        assertEquals(
                List.of("uniform", "mean-ratio:gamma=2", "difficulty"),
                group.arms().stream().map(a -> a.arm().strategy()).toList());

        // Var(s) of the baseline, seeds 1-3 (TPRs 0.90/0.60/0.75, 0.88/0.62/0.70, 0.92/0.58/0.77):
        //   3/200, 133/11250, 871/45000
        // mean-ratio:gamma=2 (0.85/0.70/0.76, 0.84/0.66/0.74, 0.86/0.71/0.70):
        //   19/5000, 61/11250, 241/45000
        // D = 7/625, 4/625, 7/500 = 0.0112, 0.0064, 0.014
        ArmResult meanRatio = arm(group, "mean-ratio:gamma=2", "PyTorch", "two-stage");
        assertArrayEquals(
                new double[] {7.0 / 625, 4.0 / 625, 7.0 / 500},
                meanRatio.pairs().stream().mapToDouble(PairedComparison::d).toArray(),
                EPS);
        assertEquals(List.of(1, 2, 3), meanRatio.seedList());

        // mean 79/7500; sd sqrt(277/18750000); t_{0.975,2} = 4.3026527297494637;
        // CI = 79/7500 -/+ 4.3026527297494637 * 0.0038436094147732198 / sqrt(3)
        //    = [0.00098527823685655819, 0.020081388429810108]
        SeedStatistics d = meanRatio.statistics(Measure.D);
        assertEquals(3, d.n());
        assertEquals(79.0 / 7500, d.mean(), EPS);
        assertEquals(0.00098527823685655819, d.ciLow(), 1e-15);
        assertEquals(0.020081388429810108, d.ciHigh(), 1e-15);

        // one-sided paired t-test: t = 4.7466499681962665, p = 1/2 - t/(2 sqrt(t^2+2)) =
        // 0.020815937545830995;
        // exact Wilcoxon: all D > 0, W+ = 6, p = 1/8
        Significance test = meanRatio.significance();
        assertEquals(4.7466499681962665, test.t(), 1e-13);
        assertEquals(0.020815937545830995, test.pT(), 1e-14);
        assertEquals(0.125, test.pWilcoxon(), 0.0);
        assertEquals(3, test.positive());

        // accuracy = mean TPR (100 samples per class): baseline 0.75, 0.7333.., 0.7566..;
        // strategy 0.77, 0.7466.., 0.7566..; change 1/50, 1/75, 0; mean 1/90;
        // CI = [-0.014186109112867296, 0.036408331335089518]
        SeedStatistics deltaAccuracy = meanRatio.statistics(Measure.DELTA_ACCURACY);
        assertEquals(1.0 / 90, deltaAccuracy.mean(), 1e-15);
        assertEquals(-0.014186109112867296, deltaAccuracy.ciLow(), 1e-15);
        assertEquals(0.036408331335089518, deltaAccuracy.ciHigh(), 1e-15);

        // Var(s') over seeds: mean 82/16875, CI [0.0025789429598127466, 0.0071395755587057719]
        SeedStatistics variance = meanRatio.statistics(Measure.VARIANCE);
        assertEquals(82.0 / 16875, variance.mean(), EPS);
        assertEquals(0.0025789429598127466, variance.ciLow(), 1e-15);
        assertEquals(0.0071395755587057719, variance.ciHigh(), 1e-15);

        // worst-class TPR 0.70, 0.66, 0.70: mean 0.6866..
        assertEquals((0.70 + 0.66 + 0.70) / 3, meanRatio.statistics(Measure.WORST_TPR).mean(), EPS);
        // gap 0.15, 0.18, 0.16
        assertEquals((0.15 + 0.18 + 0.16) / 3, meanRatio.statistics(Measure.GAP).mean(), 1e-15);

        // difficulty: D = -193/45000, 4/1125, 187/45000; mean 77/67500;
        // CI [-0.010563913673865216, 0.012845395155346697]; t = 0.41933841771182365, p_t =
        // 0.35785856082249043;
        // W+ = 3 (ranks of |D|: 3, 1, 2), p_W = 5/8
        ArmResult difficulty = arm(group, "difficulty", "PyTorch", "two-stage");
        SeedStatistics dd = difficulty.statistics(Measure.D);
        assertEquals(77.0 / 67500, dd.mean(), EPS);
        assertEquals(-0.010563913673865216, dd.ciLow(), 1e-15);
        assertEquals(0.012845395155346697, dd.ciHigh(), 1e-15);
        assertEquals(0.35785856082249043, difficulty.significance().pT(), 1e-14);
        assertEquals(0.625, difficulty.significance().pWilcoxon(), 0.0);
        assertEquals(2, difficulty.significance().positive());
    }

    @Test
    void baselineArmHasNoPairedFigures() {
        ModelGroup group = Analysis.of(SyntheticRuns.twoStage()).groups().get(0);
        ArmResult baseline = group.baselines().get(0);
        assertTrue(baseline.arm().baseline());
        assertEquals(0, baseline.statistics(Measure.D).n());
        assertTrue(Double.isNaN(baseline.significance().pT()));
        // Var(s): 3/200, 133/11250, 871/45000
        assertEquals(
                (3.0 / 200 + 133.0 / 11250 + 871.0 / 45000) / 3,
                baseline.statistics(Measure.VARIANCE).mean(),
                EPS);
        assertEquals(
                0.90, baseline.perClass(Figures::tpr, 0).mean(), EPS); // (0.90 + 0.88 + 0.92) / 3
        assertEquals(1.0, baseline.weight(2).mean(), 0.0);
    }

    @Test
    void meanConfusionIsPooledAndRowNormalised() {
        ModelGroup group = Analysis.of(SyntheticRuns.twoStage()).groups().get(0);
        double[][] m = group.baselines().get(0).normalisedConfusion().orElseThrow();
        // cat row: 90 + 88 + 92 = 270 of 300 right, 30 predicted dog
        assertArrayEquals(new double[] {0.9, 0.1, 0.0}, m[0], EPS);
        // bird row: 75 + 70 + 77 = 222 right, 78 predicted cat
        assertArrayEquals(new double[] {0.26, 0.0, 0.74}, m[2], EPS);
    }

    @Test
    void iterativeUsesTheLastRoundAndKeepsEveryRound() {
        Analysis analysis = Analysis.of(SyntheticRuns.mixed());
        ModelGroup group = analysis.groups().get(0);
        ArmResult iterative = arm(group, "shifted-power:gamma=4", "PyTorch", "iterative");
        // no iterative baseline: paired with the two-stage baseline of the same engine and seed
        assertEquals(
                "PyTorch/1/two-stage/uniform/0", iterative.pairs().get(0).baseline().run().key());
        assertEquals(2, iterative.finalRound());
        assertEquals(List.of(1, 2), List.copyOf(iterative.rounds().keySet()));
        // round 2 TPRs 0.86/0.70/0.75 and 0.85/0.69/0.73 against baseline seeds 1, 2: D = 79/7500,
        // 9/1250
        assertArrayEquals(
                new double[] {79.0 / 7500, 9.0 / 1250},
                iterative.pairs().stream().mapToDouble(PairedComparison::d).toArray(),
                EPS);
        // round 1 (0.88/0.66/0.74, 0.87/0.65/0.72): D = 101/15000, 17/5000, mean 19/3750;
        // CI with t_{0.975,1} = 12.706204736174704: [-0.016110341226957840, 0.026243674560291173]
        SeedStatistics round1 = iterative.dOfRound(1);
        assertEquals(19.0 / 3750, round1.mean(), EPS);
        assertEquals(-0.016110341226957840, round1.ciLow(), 1e-14);
        assertEquals(0.026243674560291173, round1.ciHigh(), 1e-14);
        assertEquals(133.0 / 15000, iterative.dOfRound(2).mean(), EPS);
        assertEquals(133.0 / 15000, iterative.statistics(Measure.D).mean(), EPS);
    }

    @Test
    void oneSeedHasNoInterval() {
        ModelGroup group = Analysis.of(SyntheticRuns.mixed()).groups().get(0);
        ArmResult dynamic = arm(group, "mean-ratio:gamma=1", "PyTorch", "dynamic");
        SeedStatistics d = dynamic.statistics(Measure.D);
        // baseline seed 1 Var 3/200 minus Var(0.87/0.68/0.75) = 3/200 - 139/22500 = 199/22500
        assertEquals(199.0 / 22500, d.mean(), EPS);
        assertFalse(d.hasInterval());
        assertTrue(Double.isNaN(dynamic.significance().pT()));
        assertEquals(0.5, dynamic.significance().pWilcoxon(), 0.0);
    }

    @Test
    void everyEngineIsPairedWithItsOwnBaselineAndShownSideBySide() {
        ModelGroup group = Analysis.of(SyntheticRuns.mixed()).groups().get(0);
        assertEquals(List.of("PyTorch", "MXNet"), group.engines());
        ArmResult mxnet = arm(group, "mean-ratio:gamma=2", "MXNet", "two-stage");
        // MXNet baselines 0.89/0.61/0.74 and 0.90/0.59/0.76 against 0.85/0.69/0.75 and
        // 0.86/0.68/0.73:
        // D = 131/15000, 58/5625; mean 857/90000; t = 12.070422535211268,
        // p_t with 1 degree of freedom = 1/2 - atan(t)/pi = 0.026310977430210078
        assertArrayEquals(
                new double[] {131.0 / 15000, 58.0 / 5625},
                mxnet.pairs().stream().mapToDouble(PairedComparison::d).toArray(),
                EPS);
        assertEquals(857.0 / 90000, mxnet.statistics(Measure.D).mean(), EPS);
        assertEquals(12.070422535211268, mxnet.significance().t(), 1e-12);
        assertEquals(0.026310977430210078, mxnet.significance().pT(), 1e-14);
        // baselines first, then each strategy with its engines side by side
        List<String> labels = group.arms().stream().map(a -> group.label(a.arm())).toList();
        assertEquals(
                List.of(
                        "uniform (two-stage, PyTorch)",
                        "uniform (two-stage, MXNet)",
                        "mean-ratio:gamma=2 (two-stage, PyTorch)",
                        "mean-ratio:gamma=2 (two-stage, MXNet)",
                        "difficulty (two-stage, PyTorch)",
                        "shifted-power:gamma=4 (iterative, PyTorch)",
                        "mean-ratio:gamma=1 (dynamic, PyTorch)"),
                labels);
    }

    @Test
    void aBaselineOfTheSameModeIsPreferred() {
        List<RunRecord> runs = new ArrayList<>(SyntheticRuns.mixed());
        runs.add(
                SyntheticRuns.run(
                        "PyTorch",
                        1,
                        "iterative",
                        RunRecord.BASELINE,
                        0,
                        new double[] {1, 1, 1},
                        0.86,
                        0.70,
                        0.75));
        ModelGroup group = Analysis.of(runs).groups().get(0);
        ArmResult iterative = arm(group, "shifted-power:gamma=4", "PyTorch", "iterative");
        assertEquals(
                "PyTorch/1/iterative/uniform/0", iterative.pairs().get(0).baseline().run().key());
        assertEquals(0.0, iterative.pairs().get(0).d(), EPS);
        assertEquals(
                "PyTorch/2/two-stage/uniform/0", iterative.pairs().get(1).baseline().run().key());
    }

    @Test
    void unpairedAndDuplicateRunsAreNotedAndLeftOut() {
        List<RunRecord> runs = new ArrayList<>(SyntheticRuns.twoStage());
        runs.add(
                SyntheticRuns.run(
                        "MXNet",
                        7,
                        "two-stage",
                        "difficulty",
                        1,
                        new double[] {1, 1, 1},
                        0.5,
                        0.5,
                        0.5));
        runs.add(
                SyntheticRuns.run(
                        "PyTorch",
                        1,
                        "two-stage",
                        "difficulty",
                        1,
                        new double[] {1, 1, 1},
                        0.91,
                        0.57,
                        0.75));
        Analysis analysis = Analysis.of(runs);
        assertEquals(10, analysis.runs());
        assertEquals(
                List.of(
                        "run PyTorch/1/two-stage/difficulty/1 is recorded 2 times; the last record is used",
                        "left out MXNet/7/two-stage/difficulty/1: no baseline for engine MXNet and seed 7"),
                analysis.notes());
        assertEquals(3, analysis.groups().get(0).arms().size());
    }

    @Test
    void noRunsNoBaselineOrDisagreeingClassesAreErrors() {
        assertEquals(
                "no runs recorded",
                assertThrows(IllegalArgumentException.class, () -> Analysis.of(List.of()))
                        .getMessage());
        List<RunRecord> weightedOnly =
                SyntheticRuns.twoStage().stream().filter(r -> !r.isBaseline()).toList();
        assertEquals(
                "no baseline run (strategy uniform, round 0) to compare the strategies with",
                assertThrows(IllegalArgumentException.class, () -> Analysis.of(weightedOnly))
                        .getMessage());
        RunRecord base = SyntheticRuns.twoStage().get(0);
        RunRecord renamed =
                SyntheticRuns.with(
                        base,
                        o -> {
                            o.addProperty("key", "other");
                            JsonObject provenance = o.getAsJsonObject("provenance");
                            provenance.addProperty("seed", 9);
                            o.getAsJsonObject("arm").addProperty("round", 0);
                            provenance.add(
                                    "classNames", Json.GSON.toJsonTree(List.of("a", "b", "c")));
                            o.getAsJsonObject("training").addProperty("epochs", 1);
                            o.getAsJsonObject("training").addProperty("trainSize", 1);
                            o.getAsJsonObject("cost").addProperty("wallSeconds", 1);
                            o.getAsJsonObject("cost").addProperty("imagesPerSecond", 1);
                            o.getAsJsonObject("cost").addProperty("finishedAt", "");
                        });
        String message =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Analysis.of(List.of(base, renamed)))
                        .getMessage();
        assertTrue(
                message.startsWith("runs of synthetic with cnn-small disagree on the class names"),
                message);
    }
}
