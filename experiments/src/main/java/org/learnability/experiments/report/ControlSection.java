package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.code;
import static org.learnability.experiments.report.Cells.interval;
import static org.learnability.experiments.report.Cells.p;

import java.util.List;
import java.util.stream.Stream;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ControlComparison;
import org.learnability.experiments.stats.MatchedControls;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.Significance;

/**
 * A group's table "against the compute-matched control", beside the summary's against the baseline:
 * every weighted arm beside its compute-matched control (and an ensemble beside the uniform
 * ensemble of its size), shown where some arm costs more than the baseline ({@link
 * MatchedControls}).
 */
final class ControlSection {

    private static final String NOT_RECORDED = "—";

    private ControlSection() {}

    static void append(StringBuilder md, ModelGroup group) {
        List<ControlComparison> all = MatchedControls.of(group);
        if (all.stream().allMatch(c -> c.control().equals(ControlComparison.BASELINE))) {
            return;
        }
        ArmNames names = ArmNames.of(group);
        md.append(
                        "### Against the compute-matched control (test split, mean [95% CI] over"
                                + " seeds)\n\n")
                .append(
                        "More training narrows the spread by itself. Each arm is therefore also"
                                + " compared with an unweighted model of the baseline's recipe"
                                + " trained from scratch on as many images as the arm's models"
                                + " went through in all, its own training and what it builds on"
                                + " (`control ×2`: twice the baseline's epochs, the schedule"
                                + " stretched); an arm of the baseline's cost has the baseline as"
                                + " its control, and an ensemble is also compared with the uniform"
                                + " ensemble of its size: the uniform ensemble's reduction against"
                                + " the baseline is what the ensemble alone gives, and an arm's"
                                + " against the uniform ensemble what its weights and offsets add."
                                + " A cell — means the control is not recorded (`run --controls`"
                                + " trains it).\n\n");
        MarkdownTable table =
                new MarkdownTable(
                        List.of(
                                "strategy",
                                "engine",
                                "mode",
                                "control",
                                "seeds",
                                "sd reduction",
                                "Δ accuracy",
                                "D",
                                "D > 0",
                                "p (t)",
                                "p (Wilcoxon)"));
        for (ControlComparison c : all) {
            List<String> row =
                    List.of(
                            code(names.strategy(c.arm().arm())),
                            c.arm().arm().engine(),
                            c.arm().arm().mode(),
                            c.control());
            if (!c.recorded()) {
                table.row(
                        concat(
                                row,
                                List.of(
                                        "0",
                                        NOT_RECORDED,
                                        NOT_RECORDED,
                                        NOT_RECORDED,
                                        NOT_RECORDED,
                                        NOT_RECORDED,
                                        NOT_RECORDED)));
                continue;
            }
            Significance test = c.significance();
            table.row(
                    concat(
                            row,
                            List.of(
                                    Integer.toString(test.n()),
                                    interval(
                                            Measure.SD_REDUCTION,
                                            c.statistics(Measure.SD_REDUCTION)),
                                    interval(
                                            Measure.DELTA_ACCURACY,
                                            c.statistics(Measure.DELTA_ACCURACY)),
                                    interval(Measure.D, c.statistics(Measure.D)),
                                    test.positive() + "/" + test.n(),
                                    p(test.pT()),
                                    p(test.pWilcoxon()))));
        }
        md.append(table).append('\n');
    }

    private static List<String> concat(List<String> first, List<String> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }

    /**
     * Says, for the recommendation, which of an arm's controls it beat ({@link
     * ControlComparison#beaten}: its sd reduction against the control has an interval above 0).
     *
     * @param group the arm's group
     * @param arm the recommended arm
     * @return e.g. {@code Against its compute-matched control `control ×2`: ...; it beats none of
     *     its controls.}; empty where its records do not say its cost
     */
    static String verdict(ModelGroup group, ArmResult arm) {
        List<ControlComparison> controls = MatchedControls.of(group, arm);
        if (controls.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (ControlComparison c : controls) {
            s.append(s.length() == 0 ? " Against " : "; against ")
                    .append(
                            c.control().equals(ControlComparison.BASELINE)
                                    ? "its compute-matched control, the baseline (it costs no more)"
                                    : "`" + c.control() + "`");
            if (!c.recorded()) {
                s.append(": not recorded (`run --controls` trains it)");
                continue;
            }
            Significance test = c.significance();
            s.append(": sd reduction ")
                    .append(interval(Measure.SD_REDUCTION, c.statistics(Measure.SD_REDUCTION)))
                    .append(", Δ accuracy ")
                    .append(interval(Measure.DELTA_ACCURACY, c.statistics(Measure.DELTA_ACCURACY)))
                    .append(", narrower on ")
                    .append(test.positive())
                    .append(" of ")
                    .append(test.n())
                    .append(" seeds");
        }
        List<String> beaten =
                controls.stream()
                        .filter(ControlComparison::beaten)
                        .map(
                                c ->
                                        c.control().equals(ControlComparison.BASELINE)
                                                ? "the baseline"
                                                : "`" + c.control() + "`")
                        .toList();
        s.append(
                beaten.isEmpty()
                        ? ". It beats none of its controls (an sd reduction against one whose"
                                + " interval is above 0 would)."
                        : ". It beats " + String.join(" and ", beaten) + ".");
        return s.toString();
    }
}
