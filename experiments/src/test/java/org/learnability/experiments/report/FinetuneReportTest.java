package org.learnability.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.record.OldLines;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.SyntheticRuns;

/**
 * The report of arms built on the baseline: a fine-tune beside the baseline and beside the uniform
 * fine-tune of the same seed, and every arm's cost beside its sd reduction, where the records carry
 * it; records of schema 4 give the report they gave before.
 */
class FinetuneReportTest {

    private static final double[] ONES = {1, 1, 1};

    private static final double[][] BASELINE = {
        {0.90, 0.70, 0.50}, {0.88, 0.72, 0.52}, {0.91, 0.69, 0.55}
    };
    private static final double[][] CONTROL = {
        {0.92, 0.74, 0.54}, {0.90, 0.75, 0.55}, {0.93, 0.71, 0.58}
    };
    private static final double[][] WEIGHTED = {
        {0.88, 0.78, 0.70}, {0.86, 0.79, 0.69}, {0.90, 0.75, 0.72}
    };

    private static RunRecord finetuned(RunRecord r) {
        return SyntheticRuns.with(
                r,
                o -> {
                    o.getAsJsonObject("parts")
                            .add(
                                    "finetune",
                                    JsonParser.parseString(
                                            "{\"epochs\": 1, \"learningRate\": 1.0E-4}"));
                    o.getAsJsonObject("cost").addProperty("trainedImages", 300);
                    o.getAsJsonObject("cost").addProperty("wallSeconds", 30);
                });
    }

    private static List<RunRecord> runs() {
        List<RunRecord> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            runs.add(
                    SyntheticRuns.run(
                            "PyTorch", seed, "finetune", "uniform", 0, ONES, BASELINE[seed - 1]));
            runs.add(
                    finetuned(
                            SyntheticRuns.run(
                                    "PyTorch",
                                    seed,
                                    "finetune",
                                    "uniform",
                                    1,
                                    ONES,
                                    CONTROL[seed - 1])));
            runs.add(
                    finetuned(
                            SyntheticRuns.run(
                                    "PyTorch",
                                    seed,
                                    "finetune",
                                    "mean-ratio:gamma=2",
                                    1,
                                    new double[] {0.5, 1, 1.5},
                                    WEIGHTED[seed - 1])));
        }
        return runs;
    }

    private static double sd(double[] tpr) {
        double mean = Arrays.stream(tpr).average().orElseThrow();
        return Math.sqrt(Arrays.stream(tpr).map(t -> (t - mean) * (t - mean)).sum() / tpr.length);
    }

    @Test
    void aFinetuneIsComparedWithTheBaselineAndWithTheUniformFinetune() {
        Analysis analysis = Analysis.of(runs());
        ArmResult weighted = analysis.arms().get(2);
        assertEquals("mean-ratio:gamma=2", weighted.arm().strategy());
        assertTrue(weighted.hasControl());
        assertFalse(analysis.arms().get(1).hasControl(), "the control has none of its own");
        assertFalse(analysis.arms().get(0).hasControl(), "nor the baseline");
        double againstBaseline = 0;
        double againstControl = 0;
        for (int s = 0; s < 3; s++) {
            againstBaseline += (1 - sd(WEIGHTED[s]) / sd(BASELINE[s])) / 3;
            againstControl += (1 - sd(WEIGHTED[s]) / sd(CONTROL[s])) / 3;
        }
        assertEquals(againstBaseline, weighted.statistics(Measure.SD_REDUCTION).mean(), 1e-12);
        assertEquals(againstControl, weighted.againstControl(Measure.SD_REDUCTION).mean(), 1e-12);
        assertEquals(3, weighted.controlSignificance().positive(), "narrower on every seed");

        String md = MarkdownReport.markdown(analysis);
        assertTrue(
                md.contains(
                        "### Against the uniform fine-tune (test split, mean [95% CI] over seeds)"),
                md);
        assertTrue(md.contains("| `mean-ratio:gamma=2` | PyTorch | finetune | 3 | "), md);
        assertTrue(
                md.contains(
                        Cells.interval(
                                        Measure.SD_REDUCTION,
                                        weighted.againstControl(Measure.SD_REDUCTION))
                                + " | 3/3 |"),
                md);
        // the cost: one epoch of 300 images in 30 s, against the baseline's 2 epochs in 1.5 s
        assertTrue(md.contains(" | 300 | 0.50 |"), md);
        assertTrue(md.contains(" | 600 | 0.03 |"), md);
        // and plotted against it: the fine-tunes' arms record their cost
        assertTrue(
                md.contains("![Spread reduction against each arm's own wall minutes](cost.png)"),
                md);
        ModelGroup group = analysis.groups().get(0);
        assertTrue(Charts.hasCost(group));
        assertEquals(0.5, weighted.wallMinutes().mean(), 1e-12, "30 s per seed");
    }

    @Test
    void recordsOfSchemaFourGiveTheReportTheyGaveBefore() {
        List<RunRecord> old =
                SyntheticRuns.twoStage().stream().map(r -> OldLines.read(r, 4)).toList();
        String md = MarkdownReport.markdown(Analysis.of(old));
        assertFalse(md.contains("images trained"), md);
        assertFalse(md.contains("Against the uniform fine-tune"), md);
        assertFalse(md.contains("cost.png"), "no cost chart without recorded costs");
        assertTrue(
                md.contains(
                        "| strategy | engine | mode | seeds | D | Δ accuracy | sd reduction | Var(s) |"),
                md);
        assertTrue(
                MarkdownReport.markdown(Analysis.of(SyntheticRuns.twoStage()))
                        .contains("| sd reduction | images trained | minutes |"));
    }
}
