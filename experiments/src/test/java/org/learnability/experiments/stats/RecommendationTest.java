package org.learnability.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.report.MarkdownReport;

/**
 * The recommendation is chosen on the validation split alone: changing only test figures changes
 * the test figures it reports, never the arm it recommends.
 */
class RecommendationTest {

    private static final double[] ONES = {1, 1, 1};

    private static Recommendation recommend(List<RunRecord> runs, double tolerance) {
        Analysis analysis = Analysis.of(runs, tolerance);
        return analysis.recommendations(analysis.groups().get(0)).get(0);
    }

    @Test
    void theNarrowestValidationSpreadWithinTheToleranceIsChosen() {
        // validation TPRs are the test TPRs less 0.02 (SyntheticRuns), so on validation as on test:
        // seed 1 baseline 0.88, 0.58, 0.73 (sd 0.12247), mean-ratio 0.83, 0.68, 0.74 (sd
        // 0.06164): a reduction of 1 - 0.06164 / 0.12247 = 0.4967; difficulty 0.89, 0.55, 0.73
        // is wider than the baseline. Both keep their mean accuracy: mean-ratio +0.0200, +0.0133
        // and 0 over seeds 1 to 3 (mean +0.0111), difficulty +0.0011.
        Recommendation r = recommend(SyntheticRuns.twoStage(), 0.005);
        assertEquals(2, r.candidates().size());
        assertTrue(r.candidates().stream().allMatch(Recommendation.Candidate::eligible));
        assertEquals("mean-ratio:gamma=2", r.chosen().orElseThrow().arm().arm().strategy());
        assertEquals(
                0.4967,
                1 - 0.061644 / 0.122474, // seed 1, by hand
                1e-4);
        assertEquals(
                (0.02 + 0.04 / 3 + 0) / 3, r.chosen().orElseThrow().deltaAccuracy().mean(), 1e-9);
    }

    @Test
    void testFiguresDoNotMoveTheRecommendation() {
        List<RunRecord> runs = SyntheticRuns.twoStage();
        Recommendation before = recommend(runs, 0.005);
        String markdown = MarkdownReport.markdown(Analysis.of(runs, 0.005));

        // make the recommended arm look bad on test and the other look perfect
        List<RunRecord> changed = new ArrayList<>();
        for (RunRecord r : runs) {
            changed.add(
                    switch (r.arm().strategy()) {
                        case "mean-ratio:gamma=2" -> SyntheticRuns.withTest(r, 0.99, 0.10, 0.50);
                        case "difficulty" -> SyntheticRuns.withTest(r, 0.80, 0.80, 0.80);
                        default -> r;
                    });
        }
        Recommendation after = recommend(changed, 0.005);
        assertEquals(
                before.chosen().orElseThrow().arm().arm(),
                after.chosen().orElseThrow().arm().arm(),
                "chosen on validation");
        assertEquals(
                before.chosen().orElseThrow().sdReduction(),
                after.chosen().orElseThrow().sdReduction());
        assertNotEquals(
                before.chosen().orElseThrow().arm().statistics(Measure.SD_REDUCTION),
                after.chosen().orElseThrow().arm().statistics(Measure.SD_REDUCTION),
                "its test figures did change");
        String changedMarkdown = MarkdownReport.markdown(Analysis.of(changed, 0.005));
        assertTrue(markdown.contains("use `mean-ratio:gamma=2` (two-stage)"), markdown);
        assertTrue(
                changedMarkdown.contains("use `mean-ratio:gamma=2` (two-stage)"), changedMarkdown);
    }

    @Test
    void noArmWithinTheToleranceKeepsTheBaseline() {
        List<RunRecord> runs = new ArrayList<>();
        for (RunRecord r : SyntheticRuns.twoStage()) {
            if (!r.arm().strategy().equals("mean-ratio:gamma=2")) {
                runs.add(r);
            }
        }
        // difficulty's mean validation accuracy change is +0.0011, so it is out below -0.0011
        runs.replaceAll(
                r ->
                        r.arm().strategy().equals("difficulty")
                                ? SyntheticRuns.withTest(r, 0.5, 0.5, 0.5)
                                : r);
        Recommendation kept = recommend(runs, 0.005);
        assertTrue(kept.chosen().isPresent(), "test figures do not matter");
        List<RunRecord> worse = new ArrayList<>();
        for (RunRecord r : runs) {
            worse.add(
                    r.arm().strategy().equals("difficulty")
                            ? SyntheticRuns.run(
                                    r.provenance().engine(),
                                    r.provenance().seed(),
                                    r.arm().mode(),
                                    r.arm().strategy(),
                                    r.arm().round(),
                                    new double[] {1, 1, 1},
                                    0.30,
                                    0.30,
                                    0.30)
                            : r);
        }
        Recommendation none = recommend(worse, 0.005);
        assertTrue(none.chosen().isEmpty());
        assertTrue(
                MarkdownReport.markdown(Analysis.of(worse, 0.005))
                        .contains("no arm kept its validation accuracy within 0.005"));
    }

    @Test
    void anArmThatWidensTheValidationSpreadIsNeverRecommended() {
        // one arm, its TPRs the baseline's with the first class 0.03 up and the second 0.03 down:
        // the same accuracy (within the tolerance), a wider spread on every seed; seed 1 0.93,
        // 0.57, 0.75 (sd 0.14697) against 0.90, 0.60, 0.75 (sd 0.12247): 1 - 0.14697 / 0.12247
        // = -0.200 (validation TPRs are these less 0.02, the same sd)
        List<RunRecord> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            double[] b = SyntheticRuns.BASELINE[seed - 1];
            runs.add(
                    SyntheticRuns.run(
                            "PyTorch", seed, "two-stage", RunRecord.BASELINE, 0, ONES, b));
            runs.add(
                    SyntheticRuns.run(
                            "PyTorch",
                            seed,
                            "two-stage",
                            "difficulty",
                            1,
                            ONES,
                            b[0] + 0.03,
                            b[1] - 0.03,
                            b[2]));
        }
        Recommendation r = recommend(runs, 0.005);
        Recommendation.Candidate wider = r.candidates().get(0);
        assertTrue(wider.eligible());
        assertEquals(0, wider.deltaAccuracy().mean(), 1e-9);
        assertEquals(-0.200, 1 - 0.146969 / 0.122474, 1e-3); // seed 1, by hand
        assertTrue(wider.sdReduction().mean() < -0.15, "" + wider.sdReduction());
        assertTrue(r.chosen().isEmpty(), "a wider spread is not a remedy");
        String markdown = MarkdownReport.markdown(Analysis.of(runs, 0.005));
        assertTrue(
                markdown.contains(
                        "no arm that kept its validation accuracy within 0.005 of the baseline's"
                                + " narrowed the validation spread: keep the baseline."),
                markdown);
    }
}
