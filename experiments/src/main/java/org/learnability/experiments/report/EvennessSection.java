package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.*;

import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;

/**
 * A group's figures that separate evenness from accuracy, per arm (test split, mean [95% CI] over
 * seeds): the spread per unit of error {@code sd(s) / (1 - accuracy)} and its change against the
 * baseline, and the spread with the test split's sampling noise taken out beside the spread the
 * noise alone gives ({@link org.learnability.experiments.stats.NoiseCorrectedSpread}).
 */
final class EvennessSection {

    private static final List<Measure> SHOWN =
            List.of(
                    Measure.SD,
                    Measure.ACCURACY,
                    Measure.SD_PER_ERROR,
                    Measure.DELTA_SD_PER_ERROR,
                    Measure.SD_CORRECTED,
                    Measure.SD_NOISE);

    private EvennessSection() {}

    static void append(StringBuilder md, ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        md.append("### Evenness apart from accuracy (test split, mean [95% CI] over seeds)\n\n")
                .append(
                        "The spread of the per-class TPRs follows the error rate: a model that errs"
                                + " less has less room for uneven classes. **sd/(1−acc)** is the"
                                + " spread per unit of error, and **Δ sd/(1−acc)** its change"
                                + " against the baseline of the same seed (< 0: more even for"
                                + " its errors, not only more accurate). Each class's TPR is"
                                + " measured on its n_c test images, which adds binomial noise of"
                                + " variance s_c(1 − s_c)/n_c: **sd corrected** is"
                                + " sqrt(max(0, Var(s) − mean_c s_c(1 − s_c)/n_c)), the spread"
                                + " without it, and **sd of noise** sqrt(mean_c s_c(1 − s_c)/n_c),"
                                + " what the noise alone gives; a change of sd smaller than that"
                                + " is within what another draw of test images could give.\n\n");
        List<String> header = new ArrayList<>(List.of("strategy", "engine", "mode", "seeds"));
        SHOWN.forEach(m -> header.add(m.label()));
        MarkdownTable table = new MarkdownTable(header);
        for (ArmResult arm : group.arms()) {
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    code(names.strategy(arm.arm())),
                                    arm.arm().engine(),
                                    arm.arm().mode(),
                                    Integer.toString(arm.seeds())));
            for (Measure m : SHOWN) {
                row.add(arm.arm().baseline() && m.paired() ? "—" : interval(m, arm.statistics(m)));
            }
            table.row(row);
        }
        md.append(table).append('\n');
    }
}
