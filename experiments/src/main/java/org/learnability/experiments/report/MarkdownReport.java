package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Figures;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.runner.data.TestSource;

/**
 * {@code report.md}: for every data set and model, the summary table, the per-class TPR table with
 * the baseline beside each strategy, D per seed (and per round for iterative runs), the class
 * weights, the charts by relative link, and in collapsed sections the per-class precision and F1
 * and every model's figures on both splits. Runs of several engines appear side by side. Undefined
 * values read {@code n/a}.
 */
public final class MarkdownReport {

    /** The file name. */
    public static final String FILE = "report.md";

    private MarkdownReport() {}

    /**
     * Writes the report.
     *
     * @param analysis the analysis
     * @return the Markdown text
     */
    public static String markdown(Analysis analysis) {
        StringBuilder md = new StringBuilder("# Learnability report\n\n");
        md.append(analysis.runs()).append(" models from `runs.jsonl`.\n\n");
        WarningsSection.append(md, analysis);
        RecommendationSection.append(md, analysis);
        HowToReadSection.append(md, analysis);
        boolean qualify = analysis.groups().size() > 1;
        for (ModelGroup group : analysis.groups()) {
            group(md, group, ChartNames.of(group, qualify));
        }
        if (!analysis.notes().isEmpty()) {
            md.append("## Notes\n\n");
            analysis.notes().forEach(note -> md.append("- ").append(note).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void group(StringBuilder md, ModelGroup group, ChartNames charts) {
        md.append("## ").append(group.dataset()).append(", ").append(group.model()).append("\n\n");
        md.append("Engines: ")
                .append(String.join(", ", group.engines()))
                .append("; modes: ")
                .append(String.join(", ", group.modes()))
                .append("; ")
                .append(group.classNames().size())
                .append(" classes.\n\n");
        String shared = ArmNames.of(group).sharedText(Cells::code, group.modes());
        if (!shared.isEmpty()) {
            md.append("Settings the arms share, left out of their names: ")
                    .append(shared)
                    .append(".\n\n");
        }
        for (TestSource split : group.testSplits()) {
            md.append("Test split: ").append(split.describe()).append(".\n\n");
        }
        SummarySection.append(md, group);
        EvennessSection.append(md, group);
        if (!group.weighted().isEmpty()) {
            md.append("![Spread reduction per arm, the recommended one marked](")
                    .append(charts.forest())
                    .append(")\n\n");
            md.append("![Spread reduction against accuracy change, every arm](")
                    .append(charts.tradeoff())
                    .append(")\n\n");
            if (Charts.hasCost(group)) {
                md.append("![Spread reduction against each arm's own wall minutes](")
                        .append(charts.cost())
                        .append(")\n\n");
            }
            FrontierSection.append(md, group, charts.frontier());
        }
        md.append("![Per-class TPR, baseline beside each strategy](")
                .append(charts.tpr())
                .append(")\n\n");
        perClass(md, group, "Per-class TPR", Figures::tpr);
        SeedTables.perSeed(md, group);
        SeedTables.perRound(md, group);
        md.append("### Spread over seeds\n\n");
        md.append("![Var(s) per strategy over seeds](").append(charts.variance()).append(")\n\n");
        if (!group.weighted().isEmpty()) {
            weights(md, group);
            md.append("![Class weights per strategy](").append(charts.weights()).append(")\n\n");
        }
        confusion(md, group, charts);
        epochs(md, group, charts);
        md.append(
                "<details><summary>Per-class precision and F1 (test split, mean over seeds)</summary>\n\n");
        perClass(md, group, "Per-class precision", Figures::precision);
        perClass(md, group, "Per-class F1", Figures::f1);
        md.append("</details>\n\n");
        md.append("<details><summary>Every model, both splits</summary>\n\n");
        SeedTables.everyModel(md, group);
        md.append("</details>\n\n");
    }

    private static void perClass(
            StringBuilder md,
            ModelGroup group,
            String title,
            Function<Figures, List<Double>> scores) {
        ArmNames names = ArmNames.of(group);
        md.append("### ").append(title).append(" (test split, mean over seeds)\n\n");
        List<String> header = new ArrayList<>(List.of("class"));
        group.arms().forEach(a -> header.add(code(names.label(a.arm()))));
        MarkdownTable table = new MarkdownTable(header);
        for (int c = 0; c < group.classNames().size(); c++) {
            List<String> row = new ArrayList<>(List.of(group.classNames().get(c)));
            for (ArmResult arm : group.arms()) {
                row.add(score(arm.perClass(scores, c).mean()));
            }
            table.row(row);
        }
        if (title.endsWith("TPR")) {
            List<String> variance = new ArrayList<>(List.of("*Var(s)*"));
            List<String> worst = new ArrayList<>(List.of("*worst class*"));
            for (ArmResult arm : group.arms()) {
                variance.add(small(arm.statistics(Measure.VARIANCE).mean()));
                worst.add(score(arm.statistics(Measure.WORST_TPR).mean()));
            }
            table.row(variance);
            table.row(worst);
        }
        md.append(table).append('\n');
    }

    private static void weights(StringBuilder md, ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        md.append("### Class weights (mean over seeds)\n\n");
        List<String> header = new ArrayList<>(List.of("class"));
        group.weighted().forEach(a -> header.add(code(names.label(a.arm()))));
        MarkdownTable table = new MarkdownTable(header);
        for (int c = 0; c < group.classNames().size(); c++) {
            List<String> row = new ArrayList<>(List.of(group.classNames().get(c)));
            for (ArmResult arm : group.weighted()) {
                row.add(format("%.3f", arm.weight(c).mean()));
            }
            table.row(row);
        }
        md.append(table).append('\n');
    }

    private static void epochs(StringBuilder md, ModelGroup group, ChartNames charts) {
        ArmNames names = ArmNames.of(group);
        List<ArmResult> withEpochs = group.arms().stream().filter(EpochChart::has).toList();
        if (withEpochs.isEmpty()) {
            return;
        }
        md.append("### Validation TPR by epoch\n\n")
                .append(
                        "Each model's validation split is scored after every epoch. **sd swing** is"
                                + " the standard deviation, over the last 5 epochs (all, if fewer),"
                                + " of the per-epoch sd of the validation TPRs: how much the spread"
                                + " of one checkpoint moves from epoch to epoch (mean over seeds).\n\n");
        MarkdownTable table = new MarkdownTable(List.of("arm", "sd swing"));
        for (ArmResult arm : withEpochs) {
            table.row(
                    List.of(
                            code(names.label(arm.arm())),
                            interval(Measure.SD_SWING, arm.statistics(Measure.SD_SWING))));
        }
        md.append(table).append('\n');
        for (ArmResult arm : withEpochs) {
            md.append("![Validation TPR by epoch, ")
                    .append(names.label(arm.arm()))
                    .append("](")
                    .append(charts.epochs().get(arm.arm()))
                    .append(")\n\n");
        }
    }

    private static void confusion(StringBuilder md, ModelGroup group, ChartNames charts) {
        ArmNames names = ArmNames.of(group);
        List<ArmResult> withMatrix =
                group.arms().stream().filter(a -> a.normalisedConfusion().isPresent()).toList();
        if (withMatrix.isEmpty()) {
            return;
        }
        md.append("### Confusion matrices (test split, seeds pooled, rows normalised)\n\n");
        for (ArmResult arm : withMatrix) {
            md.append("![Confusion matrix of ")
                    .append(names.label(arm.arm()))
                    .append("](")
                    .append(charts.confusion().get(arm.arm()))
                    .append(")\n\n");
        }
    }
}
