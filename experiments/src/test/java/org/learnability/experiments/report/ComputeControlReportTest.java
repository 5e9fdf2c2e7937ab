package org.learnability.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ControlComparison;
import org.learnability.experiments.stats.MatchedControls;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.Recommendation;
import org.learnability.experiments.stats.SeedStatistics;
import org.learnability.experiments.stats.SyntheticRuns;

/**
 * The table "against the compute-matched control" on hand-written records: a two-stage arm (two
 * trainings) beside the 2x-long control, a posthoc arm (one training) beside the baseline, and a
 * weighted ensemble of two beside the 2x control and the uniform ensemble of two; its numbers are
 * the hand computation's, and the recommendation names the control its arm beat. Records that do
 * not say their total cost give the report they gave before.
 */
class ComputeControlReportTest {

    private static final double[] ONES = {1, 1, 1};
    private static final double[] WEIGHTS = {0.5, 1, 1.5};
    private static final String ENSEMBLE_SIZE = "ensemble-size=2";

    private static final double[][] BASELINE = {
        {0.90, 0.70, 0.50}, {0.88, 0.72, 0.52}, {0.91, 0.69, 0.55}
    };
    private static final double[][] CONTROL = {
        {0.92, 0.76, 0.60}, {0.90, 0.77, 0.61}, {0.93, 0.74, 0.62}
    };
    private static final double[][] TWO_STAGE = {
        {0.88, 0.78, 0.70}, {0.86, 0.79, 0.69}, {0.90, 0.75, 0.72}
    };
    private static final double[][] POSTHOC = {
        {0.86, 0.74, 0.66}, {0.85, 0.75, 0.65}, {0.87, 0.73, 0.67}
    };
    private static final double[][] UNIFORM_ENSEMBLE = {
        {0.93, 0.77, 0.62}, {0.91, 0.78, 0.63}, {0.94, 0.76, 0.64}
    };
    private static final double[][] ENSEMBLE = {
        {0.90, 0.80, 0.73}, {0.89, 0.81, 0.72}, {0.91, 0.79, 0.74}
    };

    /** A record with its own and its total images, its epochs and its variant. */
    private static RunRecord run(
            int seed,
            String mode,
            String strategy,
            int round,
            String variant,
            int epochs,
            long trained,
            long total,
            double[] weights,
            double[] tpr) {
        return SyntheticRuns.with(
                SyntheticRuns.run("PyTorch", seed, mode, strategy, round, weights, tpr),
                o -> {
                    o.addProperty(
                            "key",
                            new ModelKey("PyTorch", seed, mode, strategy, variant, round)
                                    .toString());
                    o.getAsJsonObject("arm").addProperty("variant", variant);
                    o.getAsJsonObject("training").addProperty("epochs", epochs);
                    o.getAsJsonObject("cost").addProperty("trainedImages", trained);
                    o.getAsJsonObject("cost").addProperty("totalImages", total);
                });
    }

    /** 3 seeds of 2 epochs of 300 images: a training is 600 images. */
    private static List<RunRecord> runs() {
        List<RunRecord> runs = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            int i = s - 1;
            runs.add(run(s, "two-stage", "uniform", 0, "", 2, 600, 600, ONES, BASELINE[i]));
            runs.add(
                    run(
                            s,
                            "two-stage",
                            "mean-ratio:gamma=2",
                            1,
                            "",
                            2,
                            600,
                            1200,
                            WEIGHTS,
                            TWO_STAGE[i]));
            runs.add(
                    run(s, "posthoc", "mean-ratio:gamma=2", 1, "", 2, 0, 600, WEIGHTS, POSTHOC[i]));
            runs.add(
                    run(
                            s,
                            "ensemble",
                            "uniform",
                            1,
                            ENSEMBLE_SIZE,
                            2,
                            600,
                            1200,
                            ONES,
                            UNIFORM_ENSEMBLE[i]));
            runs.add(
                    run(
                            s,
                            "ensemble",
                            "mean-ratio:gamma=2",
                            1,
                            ENSEMBLE_SIZE,
                            2,
                            600,
                            1200,
                            WEIGHTS,
                            ENSEMBLE[i]));
            runs.add(run(s, "control", "uniform", 1, "epochs=4", 4, 1200, 1200, ONES, CONTROL[i]));
        }
        return runs;
    }

    private static double sd(double[] tpr) {
        double mean = Arrays.stream(tpr).average().orElseThrow();
        return Math.sqrt(Arrays.stream(tpr).map(t -> (t - mean) * (t - mean)).sum() / tpr.length);
    }

    private static double accuracy(double[] tpr) {
        return Arrays.stream(tpr).average().orElseThrow(); // 100 test images per class
    }

    /** The sd reduction of every seed against a control, by hand. */
    private static SeedStatistics sdReduction(double[][] arm, double[][] control) {
        double[] r = new double[3];
        for (int s = 0; s < 3; s++) {
            r[s] = 1 - sd(arm[s]) / sd(control[s]);
        }
        return SeedStatistics.of(r);
    }

    /** The accuracy change of every seed against a control, by hand. */
    private static SeedStatistics deltaAccuracy(double[][] arm, double[][] control) {
        double[] d = new double[3];
        for (int s = 0; s < 3; s++) {
            d[s] = accuracy(arm[s]) - accuracy(control[s]);
        }
        return SeedStatistics.of(d);
    }

    private static ControlComparison find(
            List<ControlComparison> all, String mode, String strategy, String control) {
        return all.stream()
                .filter(c -> c.arm().arm().mode().equals(mode))
                .filter(c -> c.arm().arm().strategy().equals(strategy))
                .filter(c -> c.control().equals(control))
                .findFirst()
                .orElseThrow(() -> new AssertionError(mode + " " + strategy + " " + control));
    }

    private static void assertSame(SeedStatistics expected, SeedStatistics actual) {
        assertEquals(expected.n(), actual.n());
        assertEquals(expected.mean(), actual.mean(), 1e-12);
        assertEquals(expected.ciLow(), actual.ciLow(), 1e-12);
        assertEquals(expected.ciHigh(), actual.ciHigh(), 1e-12);
    }

    @Test
    void everyArmIsPairedWithTheControlOfItsCost() {
        ModelGroup group = Analysis.of(runs()).groups().get(0);
        List<ControlComparison> all = MatchedControls.of(group);
        assertEquals(
                List.of(
                        "ensemble mean-ratio:gamma=2 [ensemble-size=2] control ×2",
                        "ensemble mean-ratio:gamma=2 [ensemble-size=2] uniform ensemble",
                        "ensemble uniform [ensemble-size=2] control ×2",
                        "posthoc mean-ratio:gamma=2 baseline",
                        "two-stage mean-ratio:gamma=2 control ×2"),
                all.stream().map(c -> c.arm().arm().design() + " " + c.control()).sorted().toList(),
                "the control arm itself is not compared");

        ControlComparison twoStage = find(all, "two-stage", "mean-ratio:gamma=2", "control ×2");
        assertSame(sdReduction(TWO_STAGE, CONTROL), twoStage.statistics(Measure.SD_REDUCTION));
        assertSame(deltaAccuracy(TWO_STAGE, CONTROL), twoStage.statistics(Measure.DELTA_ACCURACY));
        ControlComparison posthoc = find(all, "posthoc", "mean-ratio:gamma=2", "baseline");
        assertSame(sdReduction(POSTHOC, BASELINE), posthoc.statistics(Measure.SD_REDUCTION));
        assertSame(
                posthoc.arm().statistics(Measure.SD_REDUCTION),
                posthoc.statistics(Measure.SD_REDUCTION));
        ControlComparison ensemble =
                find(all, "ensemble", "mean-ratio:gamma=2", "uniform ensemble");
        assertSame(
                sdReduction(ENSEMBLE, UNIFORM_ENSEMBLE), ensemble.statistics(Measure.SD_REDUCTION));
        assertSame(
                deltaAccuracy(ENSEMBLE, UNIFORM_ENSEMBLE),
                ensemble.statistics(Measure.DELTA_ACCURACY));
        assertSame(
                sdReduction(ENSEMBLE, CONTROL),
                find(all, "ensemble", "mean-ratio:gamma=2", "control ×2")
                        .statistics(Measure.SD_REDUCTION));
        for (int s = 0; s < 3; s++) {
            assertTrue(sd(TWO_STAGE[s]) < sd(CONTROL[s]), "the data: narrower on every seed");
        }
        assertEquals(3, twoStage.significance().positive());
    }

    @Test
    void aUniformEnsembleWithOffsetsIsNotComparedWithItself() {
        List<RunRecord> runs = new ArrayList<>(runs());
        for (int s = 1; s <= 3; s++) {
            double[] tpr = UNIFORM_ENSEMBLE[s - 1];
            runs.add(
                    run(
                            s,
                            "ensemble+posthoc",
                            "uniform",
                            1,
                            ENSEMBLE_SIZE,
                            2,
                            600,
                            1200,
                            ONES,
                            tpr));
        }
        List<ControlComparison> all = MatchedControls.of(Analysis.of(runs).groups().get(0));
        assertEquals(
                List.of("control ×2"),
                all.stream()
                        .filter(c -> c.arm().arm().mode().equals("ensemble+posthoc"))
                        .map(ControlComparison::control)
                        .toList());
    }

    @Test
    void theSummaryHasTheTableAndTheRecommendationNamesTheControlItBeat() {
        Analysis analysis = Analysis.of(runs());
        String md = MarkdownReport.markdown(analysis);
        assertTrue(
                md.contains(
                        "### Against the compute-matched control (test split, mean [95% CI] over"
                                + " seeds)"),
                md);
        assertTrue(
                md.contains(
                        "| `mean-ratio:gamma=2` | PyTorch | two-stage | control ×2 | 3 | "
                                + Cells.interval(
                                        Measure.SD_REDUCTION, sdReduction(TWO_STAGE, CONTROL))
                                + " | "
                                + Cells.interval(
                                        Measure.DELTA_ACCURACY, deltaAccuracy(TWO_STAGE, CONTROL))
                                + " | "),
                md);
        assertTrue(
                md.contains(
                        "| ensemble | uniform ensemble | 3 | "
                                + Cells.interval(
                                        Measure.SD_REDUCTION,
                                        sdReduction(ENSEMBLE, UNIFORM_ENSEMBLE))
                                + " | "),
                md);
        assertTrue(md.contains("| posthoc | baseline | 3 | "), md);

        ModelGroup group = analysis.groups().get(0);
        Recommendation r = analysis.recommendations(group).get(0);
        assertTrue(
                r.candidates().stream().noneMatch(c -> c.arm().arm().mode().equals("control")),
                "a control is not a candidate");
        // chosen on validation (the test TPRs less 0.02): the weighted ensemble narrows most
        assertEquals("ensemble", r.chosen().orElseThrow().arm().arm().mode());
        String verdict = md.substring(md.indexOf("## Recommendation"));
        assertTrue(
                verdict.contains(
                        "against `uniform ensemble`: sd reduction "
                                + Cells.interval(
                                        Measure.SD_REDUCTION,
                                        sdReduction(ENSEMBLE, UNIFORM_ENSEMBLE))),
                verdict);
        assertTrue(sdReduction(ENSEMBLE, CONTROL).ciLow() > 0, "the data: beyond the noise");
        assertTrue(verdict.contains("It beats `control ×2` and `uniform ensemble`."), verdict);
    }

    @Test
    void recordsWithoutTheirTotalCostGiveTheReportTheyGaveBefore() {
        String md = MarkdownReport.markdown(Analysis.of(SyntheticRuns.twoStage()));
        assertFalse(md.contains("compute-matched"), md);
    }
}
