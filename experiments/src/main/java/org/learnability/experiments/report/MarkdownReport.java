package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Figures;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.Significance;
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

    private static final String NOT_PAIRED = "—";

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
        howToRead(md, analysis);
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

    private static void howToRead(StringBuilder md, Analysis analysis) {
        md.append("## How to read this\n\n")
                .append(
                        "Every strategy is trained on the same seeds as the baseline (`uniform`: every class weight 1)")
                .append(
                        " and scored on the test split. **D = Var(s) − Var(s')** is how much the population variance")
                .append(
                        " of the per-class TPRs shrank against the baseline of the same engine and seed (the source")
                .append(
                        " paper's Eq. 7): D > 0 means the classes are learned more evenly. **sd reduction** = 1 −")
                .append(
                        " sd(s')/sd(s) says the same as a share of the baseline's spread (0.2: a fifth narrower;")
                .append(" negative: wider). **Δ accuracy** is what the")
                .append(
                        " strategy cost (or gained) in overall accuracy. Each figure is the mean over seeds with its 95%")
                .append(
                        " confidence interval from the t distribution, mean ± t(0.975, n−1) · sd / √n (n/a with one")
                .append(
                        " seed). **p (t)** is the one-sided paired t-test of D > 0, the headline test: with the 3 to 5")
                .append(
                        " seeds an experiment runs, an exact rank test cannot reach 0.05. **p (Wilcoxon)** is the exact")
                .append(
                        " one-sided Wilcoxon signed-rank test, which does not assume normality but cannot go below")
                .append(
                        " 1/2^n (0.125 with 3 seeds, 0.031 with 5). A strategy helps when D > 0 with its interval above 0")
                .append(
                        " and Δ accuracy near 0 or above. For iterative runs a strategy's figures are those of its last")
                .append(
                        " round; D per round shows the path. A strategy's weighting, where it is not the")
                .append(
                        " paper's (weighted cross-entropy on the loss), follows it in brackets: its loss, how")
                .append(
                        " the weights act (`apply`), and their smoothing (`ema`, `mix`, `warmup`); `posthoc`")
                .append(" arms train nothing and adjust the baseline's logits.");
        if (analysis.arms().stream().anyMatch(ArmResult::recordsCost)) {
            md.append(
                    " **images trained** and **minutes** are an arm's own cost per seed: the images"
                            + " its models trained on (epochs × training images; a fine-tune's"
                            + " epochs only, as it starts from the baseline; 0 for arms that"
                            + " train nothing) and their wall time; an arm built on the baseline"
                            + " or on another arm adds its cost to theirs.");
        }
        if (analysis.arms().stream().anyMatch(ArmResult::hasControl)) {
            md.append(
                    " `finetune` arms train the baseline further with the weights (deferred"
                            + " re-weighting); `+posthoc` adds the offsets on top of a mode's"
                            + " models.");
        }
        if (analysis.arms().stream().anyMatch(MarkdownReport::retrainsHead)) {
            md.append(
                    " `head` arms re-train the baseline's final dense layer on its features with"
                            + " the weights (classifier re-training); on held-out data their"
                            + " validation figures, and the baseline's they are compared with"
                            + " there, are of the validation images the layer did not train on.");
        }
        if (analysis.groups().stream().anyMatch(g -> g.engines().size() > 1)) {
            md.append(
                    " Runs of several engines are shown side by side, each paired with the baseline of its own engine.");
        }
        md.append("\n\n");
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
        for (TestSource split : group.testSplits()) {
            md.append("Test split: ").append(split.describe()).append(".\n\n");
        }
        summary(md, group);
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

    private static void summary(StringBuilder md, ModelGroup group) {
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
                                    code(arm.arm().weightedStrategy()),
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
    }

    /**
     * The arms built on the baseline by training it further, each against its control: the same
     * training with uniform weights, on the same seed.
     */
    private static boolean retrainsHead(ArmResult arm) {
        return arm.models().stream().anyMatch(m -> m.run().parts().has(Head.PART));
    }

    private static void controls(StringBuilder md, ModelGroup group) {
        List<ArmResult> controlled = group.arms().stream().filter(ArmResult::hasControl).toList();
        if (controlled.isEmpty()) {
            return;
        }
        if (controlled.stream().noneMatch(MarkdownReport::retrainsHead)) {
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
                            code(arm.arm().weightedStrategy()),
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

    private static void perClass(
            StringBuilder md,
            ModelGroup group,
            String title,
            Function<Figures, List<Double>> scores) {
        md.append("### ").append(title).append(" (test split, mean over seeds)\n\n");
        List<String> header = new ArrayList<>(List.of("class"));
        group.arms().forEach(a -> header.add(code(group.label(a.arm()))));
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
        md.append("### Class weights (mean over seeds)\n\n");
        List<String> header = new ArrayList<>(List.of("class"));
        group.weighted().forEach(a -> header.add(code(group.label(a.arm()))));
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
                            code(group.label(arm.arm())),
                            interval(Measure.SD_SWING, arm.statistics(Measure.SD_SWING))));
        }
        md.append(table).append('\n');
        for (ArmResult arm : withEpochs) {
            md.append("![Validation TPR by epoch, ")
                    .append(group.label(arm.arm()))
                    .append("](")
                    .append(charts.epochs().get(arm.arm()))
                    .append(")\n\n");
        }
    }

    private static void confusion(StringBuilder md, ModelGroup group, ChartNames charts) {
        List<ArmResult> withMatrix =
                group.arms().stream().filter(a -> a.normalisedConfusion().isPresent()).toList();
        if (withMatrix.isEmpty()) {
            return;
        }
        md.append("### Confusion matrices (test split, seeds pooled, rows normalised)\n\n");
        for (ArmResult arm : withMatrix) {
            md.append("![Confusion matrix of ")
                    .append(group.label(arm.arm()))
                    .append("](")
                    .append(charts.confusion().get(arm.arm()))
                    .append(")\n\n");
        }
    }
}
