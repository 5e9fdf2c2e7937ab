package org.learnability.experiments.report;

import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmResult;

/**
 * The report's "How to read this" section: what D, sd reduction, Δ accuracy, the intervals and the
 * tests mean, and a sentence for each kind of arm or cost the report holds.
 */
final class HowToReadSection {

    private HowToReadSection() {}

    static void append(StringBuilder md, Analysis analysis) {
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
        if (analysis.arms().stream().anyMatch(SummarySection::retrainsHead)) {
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
}
