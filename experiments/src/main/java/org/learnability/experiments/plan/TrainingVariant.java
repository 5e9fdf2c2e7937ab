package org.learnability.experiments.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.scoring.TestTimeAugmentation;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingSettings;

/**
 * What of a model's training its record and key name beside the weighting: the parts that change
 * the baseline too, by which a report tells a baseline trained another way from the plain one.
 *
 * @param schedule the learning-rate schedule's name
 * @param averaging the parameter averaging's spec
 * @param warmup the share of updates of the learning-rate warm-up
 * @param labelSmoothing epsilon of label smoothing
 * @param testTime the test-time augmentation of scoring
 */
public record TrainingVariant(
        String schedule, String averaging, double warmup, double labelSmoothing, String testTime) {

    /** The source paper's: a constant rate, no averaging, warm-up, smoothing or flip. */
    public static final TrainingVariant PAPER =
            new TrainingVariant(
                    TrainingSettings.Schedule.CONSTANT.name().toLowerCase(Locale.ROOT),
                    Averaging.NONE.toString(),
                    0,
                    0,
                    TestTimeAugmentation.NONE.toString());

    /**
     * Describes how this differs from the paper's, for keys after the weighting's variant.
     *
     * @return e.g. {@code schedule=cosine;averaging=ema:decay=0.999}, or empty for the paper's
     */
    public String variant() {
        List<String> parts = new ArrayList<>();
        if (!schedule.equals(PAPER.schedule)) {
            parts.add("schedule=" + schedule);
        }
        if (!averaging.equals(PAPER.averaging)) {
            parts.add("averaging=" + averaging);
        }
        if (warmup != 0) {
            parts.add("warmup=" + Weighting.number(warmup));
        }
        if (labelSmoothing != 0) {
            parts.add("label-smoothing=" + Weighting.number(labelSmoothing));
        }
        if (!testTime.equals(PAPER.testTime)) {
            parts.add("test-time=" + testTime);
        }
        return String.join(";", parts);
    }
}
