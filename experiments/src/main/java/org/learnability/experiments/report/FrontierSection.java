package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.stats.ArmFrontier;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;

/**
 * A group's offsets trade-off frontier ({@link ArmFrontier}): the chart, and a table of every arm
 * that records one, a column per accuracy budget with the test sd reduction (mean [95% CI] over
 * seeds) and the realised change of test accuracy (mean).
 */
final class FrontierSection {

    private FrontierSection() {}

    static void append(StringBuilder md, ModelGroup group, String chart) {
        List<ArmResult> arms = ArmFrontier.arms(group);
        if (arms.isEmpty()) {
            return;
        }
        ArmNames names = ArmNames.of(group);
        md.append("### Offsets trade-off frontier (test split, mean [95% CI] over seeds)\n\n")
                .append(
                        "Per-class logit offsets T ln(w_c) trade accuracy for evenness. For each"
                                + " post-hoc arm (offsets on the baseline's models, or on another"
                                + " mode's) T is chosen on the validation split at every accuracy"
                                + " budget: the narrowest validation spread whose validation"
                                + " accuracy is at most the budget below the model's own without"
                                + " offsets. Each cell is the test sd reduction 1 − sd(s')/sd(s)"
                                + " against the baseline of the same seed, then the realised"
                                + " change of test accuracy (mean): choose a point instead of one"
                                + " tolerance.\n\n");
        md.append("![Offsets trade-off frontier: sd reduction per accuracy budget](")
                .append(chart)
                .append(")\n\n");
        List<String> header = new ArrayList<>(List.of("strategy", "engine", "mode", "seeds"));
        ArmFrontier first = ArmFrontier.of(arms.get(0)).orElseThrow();
        List<Double> budgets = first.budgets();
        budgets.forEach(b -> header.add(points(b) + " points"));
        MarkdownTable table = new MarkdownTable(header);
        for (ArmResult arm : arms) {
            ArmFrontier frontier = ArmFrontier.of(arm).orElseThrow();
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    code(names.strategy(arm.arm())),
                                    arm.arm().engine(),
                                    arm.arm().mode(),
                                    Integer.toString(arm.seeds())));
            for (double b : budgets) {
                int i = frontier.budgets().indexOf(b);
                row.add(
                        i < 0
                                ? "n/a"
                                : interval(Measure.SD_REDUCTION, frontier.sdReduction().get(i))
                                        + "; Δ acc "
                                        + signed(frontier.deltaAccuracy().get(i).mean()));
            }
            table.row(row);
        }
        md.append(table).append('\n');
    }

    /** A budget in points, without trailing zeros: 0, 0.25, 0.5, 1, 2. */
    private static String points(double budget) {
        return BigDecimal.valueOf(budget * 100)
                .setScale(4, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }
}
