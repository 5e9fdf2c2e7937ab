package org.learnability.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.learnability.experiments.record.FrontierPoint;
import org.learnability.experiments.record.ModeParts;
import org.learnability.experiments.record.Posthoc;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;

/** An arm's frontier over seeds, against the baseline of each seed, by hand. */
public class ArmFrontierTest {

    /** The test sd the offsets reach at budget 0 and at 2 points, every seed. */
    private static final double[] TEST_SD = {0.09, 0.05};

    /** The test accuracy they give up against the baseline, every seed. */
    private static final double[] GIVEN_UP = {0.001, 0.012};

    /**
     * The two-stage runs and a {@code posthoc} arm of {@code mean-ratio:gamma=2} whose models
     * record a frontier of two points.
     *
     * @param frontier whether the posthoc models record their frontier
     * @return the records
     */
    public static List<RunRecord> withPosthoc(boolean frontier) {
        List<RunRecord> runs = new ArrayList<>(SyntheticRuns.twoStage());
        for (int seed = 1; seed <= 3; seed++) {
            double[] base = SyntheticRuns.BASELINE[seed - 1];
            double accuracy = (base[0] + base[1] + base[2]) / 3;
            RunRecord r =
                    SyntheticRuns.run(
                            "PyTorch",
                            seed,
                            "posthoc",
                            "mean-ratio:gamma=2",
                            1,
                            SyntheticRuns.MEAN_RATIO_WEIGHTS[seed - 1],
                            SyntheticRuns.MEAN_RATIO[seed - 1]);
            List<FrontierPoint> points =
                    List.of(
                            new FrontierPoint(0, 0.5, 0.7, 0.1, accuracy - GIVEN_UP[0], TEST_SD[0]),
                            new FrontierPoint(
                                    0.02, 1.5, 0.69, 0.06, accuracy - GIVEN_UP[1], TEST_SD[1]));
            Posthoc part =
                    frontier
                            ? new Posthoc(0.5, List.of(0.1, -0.2, 0.1), points)
                            : new Posthoc(0.5, List.of(0.1, -0.2, 0.1));
            runs.add(
                    new RunRecord(
                            r.schema(),
                            r.key(),
                            r.provenance(),
                            r.arm(),
                            r.training(),
                            r.cost(),
                            r.scores(),
                            ModeParts.NONE.with(Posthoc.PART, part),
                            null));
        }
        return runs;
    }

    @Test
    void theFrontierIsEverySeedsReductionAgainstItsBaseline() {
        ModelGroup group = Analysis.of(withPosthoc(true)).groups().get(0);
        assertEquals(1, ArmFrontier.arms(group).size());
        ArmResult arm = ArmFrontier.arms(group).get(0);
        assertEquals("posthoc", arm.arm().mode());
        ArmFrontier frontier = ArmFrontier.of(arm).orElseThrow();
        assertEquals(List.of(0.0, 0.02), frontier.budgets());
        for (int b = 0; b < 2; b++) {
            double sum = 0;
            for (double[] base : SyntheticRuns.BASELINE) {
                sum += 1 - TEST_SD[b] / populationSd(base);
            }
            assertEquals(sum / 3, frontier.sdReduction().get(b).mean(), 1e-12);
            assertEquals(3, frontier.sdReduction().get(b).n());
            assertEquals(-GIVEN_UP[b], frontier.deltaAccuracy().get(b).mean(), 1e-12);
        }
        // seed 1: s = 0.90, 0.60, 0.75, Var = (0.0225 + 0.0225 + 0) / 3 = 0.015
        assertEquals(Math.sqrt(0.015), populationSd(SyntheticRuns.BASELINE[0]), 1e-15);
    }

    @Test
    void aRecordWithoutAFrontierReadsWithNoneAndTheArmHasNone() {
        List<RunRecord> old = withPosthoc(false);
        JsonObject line =
                JsonParser.parseString(RunsFile.toJson(old.get(old.size() - 1))).getAsJsonObject();
        JsonObject part = line.getAsJsonObject("parts").getAsJsonObject(Posthoc.PART);
        part.remove("frontier");
        assertEquals(Set.of("temperature", "offsets"), part.keySet(), "as records had it");
        RunRecord read = RunsFile.fromJson(line.toString());
        assertEquals(
                List.of(), read.parts().get(Posthoc.PART, Posthoc.class).orElseThrow().frontier());
        assertTrue(ArmFrontier.arms(Analysis.of(old).groups().get(0)).isEmpty());
        RunRecord withFrontier = withPosthoc(true).get(old.size() - 1);
        assertEquals(withFrontier, RunsFile.fromJson(RunsFile.toJson(withFrontier)));
    }

    /** {@code sqrt((1/C) sum_c (s_c - mean)^2)}, written out. */
    private static double populationSd(double[] s) {
        double mean = (s[0] + s[1] + s[2]) / 3;
        double squares = 0;
        for (double v : s) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / 3);
    }
}
