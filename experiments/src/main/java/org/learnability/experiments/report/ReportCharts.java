package org.learnability.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.learnability.experiments.stats.Analysis;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ModelGroup;

/**
 * The charts of one data set and model, each with its file name ({@link ChartNames}) and the size
 * that gives its plot room: {@link Charts#WIDTH} wide (wider for rows of long names) and at least
 * {@link Charts#HEIGHT} tall, taller where titles and legend need it, a row per arm in the forest
 * and variance charts.
 */
final class ReportCharts {

    /** The least height of a plot area below the titles and above the legend, in pixels. */
    static final int PLOT_HEIGHT = 460;

    /** The least height of a confusion heat map's plot area, in pixels. */
    static final int CONFUSION_PLOT_HEIGHT = 700;

    private ReportCharts() {}

    /**
     * Draws a group's charts in the order they are written: per-class TPR, and where there is a
     * weighted arm the class weights, trade-off, cost and frontier (where drawn) and forest; the
     * variance; then every arm's confusion matrix and epochs.
     *
     * @param analysis the analysis, for the recommendations
     * @param group the data set and model
     * @param names the file names
     * @return the charts
     */
    static List<ChartFile> of(Analysis analysis, ModelGroup group, ChartNames names) {
        List<ChartFile> charts = new ArrayList<>();
        charts.add(plain(names.tpr(), Charts.tpr(group)));
        if (!group.weighted().isEmpty()) {
            charts.add(plain(names.weights(), Charts.weights(group)));
            charts.add(plain(names.tradeoff(), Charts.tradeoff(group)));
            if (Charts.hasCost(group)) {
                charts.add(plain(names.cost(), Charts.cost(group)));
            }
            if (FrontierChart.has(group)) {
                charts.add(plain(names.frontier(), FrontierChart.of(group)));
            }
            JFreeChart forest = ForestChart.of(group, analysis.recommendations(group));
            charts.add(
                    new ChartFile(
                            names.forest(),
                            forest,
                            ForestChart.width(group),
                            ForestChart.height(forest, group)));
        }
        JFreeChart variance = Charts.variance(group);
        charts.add(
                new ChartFile(
                        names.variance(),
                        variance,
                        VarianceChart.width(group),
                        VarianceChart.height(variance, group)));
        for (ArmResult arm : group.arms()) {
            if (arm.normalisedConfusion().isPresent()) {
                JFreeChart confusion = Charts.confusion(group, arm);
                int height =
                        ChartStyle.height(
                                confusion,
                                Charts.WIDTH,
                                CONFUSION_PLOT_HEIGHT,
                                Charts.CONFUSION_HEIGHT);
                charts.add(
                        new ChartFile(
                                names.confusion().get(arm.arm()), confusion, Charts.WIDTH, height));
            }
            if (EpochChart.has(arm)) {
                charts.add(plain(names.epochs().get(arm.arm()), EpochChart.of(group, arm)));
            }
        }
        return charts;
    }

    /** A chart {@link Charts#WIDTH} wide, its plot at least {@link #PLOT_HEIGHT} tall. */
    private static ChartFile plain(String name, JFreeChart chart) {
        return new ChartFile(
                name,
                chart,
                Charts.WIDTH,
                ChartStyle.height(chart, Charts.WIDTH, PLOT_HEIGHT, Charts.HEIGHT));
    }
}
