package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.code;
import static org.learnability.experiments.report.Cells.format;

import java.util.Arrays;
import java.util.List;
import org.learnability.experiments.record.Collapse;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.WeakBaseline;
import org.learnability.experiments.stats.Analysis;

/**
 * The report's "Warnings" section, at its top: the weighted models that collapsed (validation
 * accuracy fell more than the threshold below the baseline's) and the baselines too weak to weigh
 * from, with the likely cause and what helps. Absent when there is nothing to say.
 */
final class WarningsSection {

    private WarningsSection() {}

    static void append(StringBuilder md, Analysis analysis) {
        if (analysis.collapsed().isEmpty() && analysis.weakBaselines().isEmpty()) {
            return;
        }
        md.append("## Warnings\n\n");
        if (!analysis.collapsed().isEmpty()) {
            md.append(
                    analysis.collapsed().size() == 1
                            ? "One weighted model collapsed"
                            : analysis.collapsed().size() + " weighted models collapsed");
            md.append(
                    ": its validation accuracy fell more than the threshold below that of the"
                            + " baseline of the same engine and seed. The likely cause is the"
                            + " weights' range: a class the baseline barely learned gets a weight"
                            + " far above every other, and the model predicts it for almost"
                            + " everything. What helps: bound the weights (`--max-weight-ratio 2`),"
                            + " mix in uniform weight (`--uniform-mix 0.2`), a lower exponent"
                            + " (`mean-ratio:gamma=1`), or a better baseline (more `--epochs`).\n\n");
            MarkdownTable table =
                    new MarkdownTable(
                            List.of(
                                    "model",
                                    "engine",
                                    "seed",
                                    "validation accuracy (baseline → model)",
                                    "drop",
                                    "weights (min – max)",
                                    "max/min"));
            for (RunRecord r : analysis.collapsed()) {
                Collapse c = r.scores().collapse();
                double[] w = r.weightsUsed().values();
                double min = Arrays.stream(w).min().orElseThrow();
                double max = Arrays.stream(w).max().orElseThrow();
                table.row(
                        List.of(
                                code(
                                                org.learnability.experiments.record.ModelKey
                                                        .weighted(
                                                                r.arm().strategy(),
                                                                r.arm().variant()))
                                        + " ("
                                        + r.arm().mode()
                                        + ")",
                                r.provenance().engine(),
                                Integer.toString(r.provenance().seed()),
                                format("%.4f", c.baselineAccuracy())
                                        + " → "
                                        + format("%.4f", c.accuracy()),
                                format("%.4f", c.drop()),
                                format("%.3g", min) + " – " + format("%.3g", max),
                                format("%.1f", max / min)));
            }
            md.append(table).append('\n');
        }
        if (!analysis.weakBaselines().isEmpty()) {
            md.append(
                    "Baselines too weak to weigh from (validation accuracy below twice chance, or"
                            + " a class TPR below 0.1): the weights computed from them are extreme."
                            + " Train longer (`--epochs`) or bound the weights"
                            + " (`--max-weight-ratio`).\n\n");
            MarkdownTable table =
                    new MarkdownTable(
                            List.of("engine", "seed", "validation accuracy", "why it is weak"));
            for (RunRecord r : analysis.weakBaselines()) {
                WeakBaseline weak = WeakBaseline.of(r).orElseThrow();
                table.row(
                        List.of(
                                r.provenance().engine(),
                                Integer.toString(r.provenance().seed()),
                                format("%.4f", weak.accuracy()),
                                weak.reason()));
            }
            md.append(table).append('\n');
        }
    }
}
