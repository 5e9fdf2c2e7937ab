package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.code;
import static org.learnability.experiments.report.Cells.format;
import static org.learnability.experiments.report.Cells.interval;
import static org.learnability.experiments.report.Cells.p;

import java.util.List;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.Recommendation;
import org.learnability.experiments.stats.Significance;

/**
 * The report's "Recommendation" section: per data set, model and engine, the arm chosen on the
 * validation split ({@link Recommendation}), then judged by its test figures, and every candidate's
 * validation figures so that the choice can be checked.
 */
final class RecommendationSection {

    private RecommendationSection() {}

    static void append(StringBuilder md, Analysis analysis) {
        if (analysis.groups().stream().allMatch(g -> g.weighted().isEmpty())) {
            return;
        }
        md.append("## Recommendation\n\n")
                .append(
                        "Chosen on the **validation** split, judged on the **test** split: among the"
                                + " arms compared with the baseline, the one whose mean validation"
                                + " sd reduction is largest while its mean validation accuracy"
                                + " change is at least −")
                .append(format("%.3f", analysis.tolerance()))
                .append(
                        " (`--max-accuracy-drop`), if that reduction is above 0. Choosing by the"
                                + " test figures would flatter the winner; these test figures were"
                                + " not used to choose it. (`posthoc`"
                                + " arms chose their offset scale on the same validation split, which"
                                + " favours them a little here.)\n\n");
        boolean qualify = analysis.groups().size() > 1;
        for (ModelGroup group : analysis.groups()) {
            if (group.weighted().isEmpty()) {
                continue;
            }
            for (Recommendation r : analysis.recommendations(group)) {
                if (qualify || group.engines().size() > 1) {
                    md.append("**")
                            .append(group.dataset())
                            .append(", ")
                            .append(group.model())
                            .append(", ")
                            .append(r.engine())
                            .append("**: ");
                }
                verdict(md, group, r);
                candidates(md, group, r);
            }
        }
    }

    private static void verdict(StringBuilder md, ModelGroup group, Recommendation r) {
        ArmNames names = ArmNames.of(group);
        if (r.chosen().isEmpty()) {
            String within =
                    "kept its validation accuracy within "
                            + format("%.3f", r.tolerance())
                            + " of the baseline's";
            md.append(
                            r.anyEligible()
                                    ? "no arm that " + within + " narrowed the validation spread"
                                    : "no arm " + within)
                    .append(": keep the baseline.\n\n");
            return;
        }
        Recommendation.Candidate c = r.chosen().get();
        ArmResult arm = c.arm();
        Significance test = arm.significance();
        md.append("use ")
                .append(code(names.strategy(arm.arm())))
                .append(" (")
                .append(arm.arm().mode())
                .append("). Validation: sd reduction ")
                .append(format("%+.4f", c.sdReduction().mean()))
                .append(", Δ accuracy ")
                .append(format("%+.4f", c.deltaAccuracy().mean()))
                .append(". **Test**: sd reduction ")
                .append(interval(Measure.SD_REDUCTION, arm.statistics(Measure.SD_REDUCTION)))
                .append(", Δ accuracy ")
                .append(interval(Measure.DELTA_ACCURACY, arm.statistics(Measure.DELTA_ACCURACY)))
                .append(", worst-class TPR ")
                .append(interval(Measure.WORST_TPR, arm.statistics(Measure.WORST_TPR)))
                .append("; narrower than the baseline on ")
                .append(test.positive())
                .append(" of ")
                .append(test.n())
                .append(" seeds; p (t) ")
                .append(p(test.pT()))
                .append(", p (Wilcoxon) ")
                .append(p(test.pWilcoxon()))
                .append(".")
                .append(ControlSection.verdict(group, arm))
                .append("\n\n");
    }

    private static void candidates(StringBuilder md, ModelGroup group, Recommendation r) {
        ArmNames names = ArmNames.of(group);
        md.append("<details><summary>Every candidate on the validation split</summary>\n\n");
        MarkdownTable table =
                new MarkdownTable(
                        List.of(
                                "arm",
                                "mode",
                                "sd reduction (validation)",
                                "Δ accuracy (validation)",
                                "within tolerance"));
        for (Recommendation.Candidate c : r.candidates()) {
            boolean chosen = r.chosen().map(x -> x == c).orElse(false);
            table.row(
                    List.of(
                            (chosen ? "**" : "")
                                    + code(names.strategy(c.arm().arm()))
                                    + (chosen ? "**" : ""),
                            c.arm().arm().mode(),
                            format("%+.4f", c.sdReduction().mean()),
                            format("%+.4f", c.deltaAccuracy().mean()),
                            c.eligible() ? "yes" : "no"));
        }
        md.append(table).append("\n</details>\n\n");
    }
}
