package org.learnability.experiments.report;

import static org.learnability.experiments.report.Cells.*;

import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Figures;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelFigures;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.PairedComparison;
import org.learnability.experiments.stats.SeedStatistics;

/** The report's detail tables: D per seed and per round, and every model on both splits. */
final class SeedTables {

    private SeedTables() {}

    static void perSeed(StringBuilder md, ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        if (group.weighted().isEmpty()) {
            return;
        }
        md.append("### D per seed (test split)\n\n");
        MarkdownTable table =
                new MarkdownTable(
                        List.of(
                                "strategy",
                                "seed",
                                "round",
                                "Var(s) baseline",
                                "Var(s') strategy",
                                "D",
                                "Δ accuracy"));
        for (ArmResult arm : group.weighted()) {
            for (PairedComparison p : arm.pairs()) {
                table.row(
                        List.of(
                                code(names.label(arm.arm())),
                                Integer.toString(p.seed()),
                                Integer.toString(p.round()),
                                small(p.baseline().test().variance()),
                                small(p.weighted().test().variance()),
                                small(p.d()),
                                signed(p.deltaAccuracy())));
            }
        }
        md.append(table).append('\n');
    }

    static void perRound(StringBuilder md, ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        List<ArmResult> iterated =
                group.weighted().stream().filter(a -> a.rounds().size() > 1).toList();
        if (iterated.isEmpty()) {
            return;
        }
        md.append("### D per round (test split, mean [95% CI] over seeds)\n\n");
        MarkdownTable table = new MarkdownTable(List.of("strategy", "round", "seeds", "D"));
        for (ArmResult arm : iterated) {
            for (int round : arm.rounds().keySet()) {
                SeedStatistics d = arm.dOfRound(round);
                table.row(
                        List.of(
                                code(names.label(arm.arm())),
                                Integer.toString(round),
                                Integer.toString(d.n()),
                                interval(Measure.D, d)));
            }
        }
        md.append(table).append('\n');
    }

    static void everyModel(StringBuilder md, ModelGroup group) {
        MarkdownTable table =
                new MarkdownTable(
                        List.of(
                                "run",
                                "split",
                                "accuracy",
                                "Var(s)",
                                "sd(s)",
                                "worst class",
                                "max-min gap",
                                "macro-F1"));
        for (ArmResult arm : group.arms()) {
            List<ModelFigures> models = new ArrayList<>(arm.models());
            arm.rounds()
                    .values()
                    .forEach(
                            pairs ->
                                    pairs.forEach(
                                            p -> {
                                                if (!models.contains(p.weighted())) {
                                                    models.add(p.weighted());
                                                }
                                            }));
            for (ModelFigures m : models) {
                for (String split : List.of("validation", "test")) {
                    Figures f = split.equals("test") ? m.test() : m.validation();
                    table.row(
                            List.of(
                                    code(m.run().key()),
                                    split,
                                    score(f.accuracy()),
                                    small(f.variance()),
                                    score(f.standardDeviation()),
                                    group.classNames().get(f.worstClass())
                                            + " ("
                                            + score(f.worstTpr())
                                            + ")",
                                    score(f.gap()),
                                    score(f.macroF1())));
                }
            }
        }
        md.append(table).append('\n');
    }
}
