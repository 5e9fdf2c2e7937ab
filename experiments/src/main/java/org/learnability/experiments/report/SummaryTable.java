package org.learnability.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.learnability.experiments.io.Csv;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.SeedStatistics;
import org.learnability.experiments.stats.Significance;

/**
 * {@code summary.csv}: a row per arm (data set, model, engine, mode, strategy), baselines first,
 * with the statistics over seeds on the test split. Comma-separated, a header line, numbers in full
 * precision with a {@code .} decimal point, an empty cell where a value is undefined (the paired
 * columns of a baseline row; a confidence interval or t-test with one seed). The columns:
 *
 * <pre>
 *   dataset, model, engine     the data set, the model, the DJL engine
 *   mode                       two-stage, iterative or dynamic
 *   strategy                   the strategy spec; uniform is the baseline
 *   round                      the round of the models summarised (iterative: the last); 0 for the baseline
 *   seeds                      n, the number of seeds summarised
 *   seed_list                  the seeds, separated by ';'
 *   &lt;m&gt;_mean, &lt;m&gt;_ci_low, &lt;m&gt;_ci_high
 *                              mean over seeds and 95% t confidence interval,
 *                              mean -/+ t_{0.975,n-1} * sd / sqrt(n), for each measure m:
 *     d                        D = Var(s) - Var(s'), baseline minus strategy, same engine and seed (Eq. 7)
 *     delta_accuracy           accuracy minus the baseline's accuracy, same engine and seed
 *     var                      Var(s), population variance of the per-class TPRs (Eq. 6)
 *     sd                       sqrt(Var(s))
 *     accuracy                 overall accuracy
 *     worst_tpr                lowest per-class TPR
 *     gap                      highest minus lowest per-class TPR
 *     macro_f1                 mean of the per-class F1
 *   d_positive                 seeds with D &gt; 0
 *   t                          t statistic of D, mean(D) / (sd(D) / sqrt(n))
 *   p_t                        one-sided paired t-test of D &gt; 0, P(T_{n-1} &gt;= t): the headline test
 *   w_plus                     Wilcoxon's W+, the sum of the ranks of |D| over seeds with D &gt; 0
 *   p_wilcoxon                 exact one-sided Wilcoxon signed-rank p of D &gt; 0 (robustness check)
 *   weighting                  how the arm's weighting differs from the paper's (loss, application,
 *                              smoothing), e.g. loss=focal:gamma=2; empty for the paper's
 *   sd_reduction_mean, _ci_low, _ci_high
 *                              1 - sd(s')/sd(s) against the baseline of the same seed
 *   sd_swing_mean, _ci_low, _ci_high
 *                              sd over the last 5 epochs of the per-epoch sd of the validation TPRs
 *   sd_per_error_mean, _ci_low, _ci_high
 *                              sd(s) / (1 - accuracy), the spread per unit of error
 *   delta_sd_per_error_mean, _ci_low, _ci_high
 *                              its change against the baseline of the same seed
 *   sd_corrected_mean, _ci_low, _ci_high
 *                              sqrt(max(0, Var(s) - mean_c s_c(1 - s_c)/n_c)), n_c the class's test
 *                              images: the sd without the test split's binomial noise
 *   sd_noise_mean, _ci_low, _ci_high
 *                              sqrt(mean_c s_c(1 - s_c)/n_c), the sd the noise alone gives
 * </pre>
 *
 * See {@link Significance} for why the t-test is the headline.
 */
public final class SummaryTable {

    /** The file name. */
    public static final String FILE = "summary.csv";

    /** The measures of the first format, in their columns' order. */
    private static final List<Measure> FIRST_MEASURES =
            List.of(
                    Measure.D,
                    Measure.DELTA_ACCURACY,
                    Measure.VARIANCE,
                    Measure.SD,
                    Measure.ACCURACY,
                    Measure.WORST_TPR,
                    Measure.GAP,
                    Measure.MACRO_F1);

    /** The measures added since, whose columns follow the first format's. */
    private static final List<Measure> LATER_MEASURES =
            List.of(
                    Measure.SD_REDUCTION,
                    Measure.SD_SWING,
                    Measure.SD_PER_ERROR,
                    Measure.DELTA_SD_PER_ERROR,
                    Measure.SD_CORRECTED,
                    Measure.SD_NOISE);

    private SummaryTable() {}

    /**
     * Returns the header columns.
     *
     * @return the column names, in order
     */
    public static List<String> columns() {
        List<String> columns =
                new ArrayList<>(
                        List.of(
                                "dataset",
                                "model",
                                "engine",
                                "mode",
                                "strategy",
                                "round",
                                "seeds",
                                "seed_list"));
        for (Measure m : FIRST_MEASURES) {
            addMeasure(columns, m.column());
        }
        columns.addAll(List.of("d_positive", "t", "p_t", "w_plus", "p_wilcoxon"));
        // added with the interventions: after the first format's columns, so those keep their place
        columns.add("weighting");
        for (Measure m : LATER_MEASURES) {
            addMeasure(columns, m.column());
        }
        return List.copyOf(columns);
    }

    private static void addMeasure(List<String> columns, String measure) {
        columns.add(measure + "_mean");
        columns.add(measure + "_ci_low");
        columns.add(measure + "_ci_high");
    }

    /**
     * Formats the table.
     *
     * @param analysis the analysis
     * @return the CSV text, a header and a row per arm, each line ended by {@code '\n'}
     */
    public static String csv(Analysis analysis) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = Csv.printer(out)) {
            csv.printRecord(columns());
            for (ModelGroup group : analysis.groups()) {
                for (ArmResult arm : group.arms()) {
                    csv.printRecord(row(group, arm));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> row(ModelGroup group, ArmResult arm) {
        List<String> row =
                new ArrayList<>(
                        List.of(
                                group.dataset(),
                                group.model(),
                                arm.arm().engine(),
                                arm.arm().mode(),
                                arm.arm().strategy(),
                                Integer.toString(arm.finalRound()),
                                Integer.toString(arm.seeds()),
                                arm.seedList().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(";"))));
        FIRST_MEASURES.forEach(m -> addStatistics(row, arm.statistics(m)));
        Significance test = arm.significance();
        boolean paired = !arm.arm().baseline();
        row.add(paired ? Integer.toString(test.positive()) : "");
        row.add(number(test.t()));
        row.add(number(test.pT()));
        row.add(number(test.wPlus()));
        row.add(number(test.pWilcoxon()));
        row.add(arm.arm().variant());
        LATER_MEASURES.forEach(m -> addStatistics(row, arm.statistics(m)));
        return row;
    }

    private static void addStatistics(List<String> row, SeedStatistics s) {
        row.add(number(s.mean()));
        row.add(number(s.ciLow()));
        row.add(number(s.ciHigh()));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
