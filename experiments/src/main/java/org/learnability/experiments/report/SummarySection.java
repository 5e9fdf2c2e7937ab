package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.*;

import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.Significance;

/**
 * A group's summary: every arm's figures (test split, mean [95% CI] over seeds) with its tests
 * against the baseline, then the arms built on the baseline by training against their uniform
 * control, then every arm against its compute-matched control ({@link ControlSection}).
 */
final class SummarySection {

    private static final String NOT_PAIRED = "—";

    private SummarySection() {}

    static void append(StringBuilder md, ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        md.append("### Summary (test split, mean [95% CI] over seeds)\n\n");
        boolean cost = group.arms().stream().anyMatch(ArmResult::recordsCost);
        List<String> header = new ArrayList<>(List.of("strategy", "engine", "mode", "seeds"));
        List<Measure> shown =
                List.of(
                        Measure.D,
                        Measure.DELTA_ACCURACY,
                        Measure.SD_REDUCTION,
                        Measure.VARIANCE,
                        Measure.ACCURACY,
                        Measure.WORST_TPR,
                        Measure.GAP,
                        Measure.MACRO_F1);
        for (Measure m : shown) {
            header.add(m.label());
            if (cost && m == Measure.SD_REDUCTION) {
                header.addAll(List.of("images trained", "minutes"));
            }
        }
        header.addAll(List.of("D > 0", "p (t)", "p (Wilcoxon)"));
        MarkdownTable table = new MarkdownTable(header);
        for (ArmResult arm : group.arms()) {
            List<String> row =
                    new ArrayList<>(
                            List.of(
                                    code(names.strategy(arm.arm())),
                                    arm.arm().engine(),
                                    arm.arm().mode(),
                                    Integer.toString(arm.seeds())));
            boolean baseline = arm.arm().baseline();
            for (Measure m : shown) {
                row.add(baseline && m.paired() ? NOT_PAIRED : interval(m, arm.statistics(m)));
                if (cost && m == Measure.SD_REDUCTION) {
                    row.add(format("%,.0f", arm.trainedImages().mean()));
                    row.add(format("%.2f", arm.wallMinutes().mean()));
                }
            }
            Significance test = arm.significance();
            row.add(baseline ? NOT_PAIRED : test.positive() + "/" + test.n());
            row.add(baseline ? NOT_PAIRED : p(test.pT()));
            row.add(baseline ? NOT_PAIRED : p(test.pWilcoxon()));
            table.row(row);
        }
        md.append(table).append('\n');
        controls(md, group);
        ControlSection.append(md, group);
    }

    /** Tells whether an arm's models re-trained the baseline's final layer (mode {@code head}). */
    static boolean retrainsHead(ArmResult arm) {
        return arm.models().stream().anyMatch(m -> m.run().parts().has(Head.PART));
    }

    /**
     * The arms built on the baseline by training it further, each against its control: the same
     * training with uniform weights, on the same seed.
     */
    private static void controls(StringBuilder md, ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        List<ArmResult> controlled = group.arms().stream().filter(ArmResult::hasControl).toList();
        if (controlled.isEmpty()) {
            return;
        }
        if (controlled.stream().noneMatch(SummarySection::retrainsHead)) {
            md.append(
                            "### Against the uniform fine-tune (test split, mean [95% CI] over seeds)\n\n")
                    .append(
                            "Fine-tuning trains the baseline further, which changes it by itself;"
                                    + " each weighted fine-tune is therefore also compared with the"
                                    + " fine-tune of the same seed, mode and weighting with uniform"
                                    + " weights (`uniform` in its mode): what remains is the"
                                    + " weights' effect, not the extra epochs'.\n\n");
        } else {
            md.append("### Against the uniform control (test split, mean [95% CI] over seeds)\n\n")
                    .append(
                            "Fine-tuning the baseline or re-training its head changes it by"
                                    + " itself; each weighted arm of such a mode is therefore also"
                                    + " compared with the same training of the same seed, mode and"
                                    + " weighting with uniform weights (`uniform` in its mode): what"
                                    + " remains is the weights' effect, not the extra"
                                    + " training's.\n\n");
        }
        MarkdownTable table =
                new MarkdownTable(
                        List.of(
                                "strategy",
                                "engine",
                                "mode",
                                "seeds",
                                "D",
                                "Δ accuracy",
                                "sd reduction",
                                "D > 0",
                                "p (t)",
                                "p (Wilcoxon)"));
        for (ArmResult arm : controlled) {
            Significance test = arm.controlSignificance();
            table.row(
                    List.of(
                            code(names.strategy(arm.arm())),
                            arm.arm().engine(),
                            arm.arm().mode(),
                            Integer.toString(test.n()),
                            interval(Measure.D, arm.againstControl(Measure.D)),
                            interval(
                                    Measure.DELTA_ACCURACY,
                                    arm.againstControl(Measure.DELTA_ACCURACY)),
                            interval(
                                    Measure.SD_REDUCTION, arm.againstControl(Measure.SD_REDUCTION)),
                            test.positive() + "/" + test.n(),
                            p(test.pT()),
                            p(test.pWilcoxon())));
        }
        md.append(table).append('\n');
    }
}
