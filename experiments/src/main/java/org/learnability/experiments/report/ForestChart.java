package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.Recommendation;
import org.learnability.experiments.stats.SeedStatistics;

/**
 * A forest plot of every arm compared with the baseline: one row per arm, its test sd reduction
 * {@code 1 - sd(s')/sd(s)} as the mean over seeds with its 95% interval, its test accuracy change
 * beside its name; the baseline is the line at 0, the recommended arm (chosen on validation) drawn
 * in its own colour and marked, and in the legend only where there is one.
 */
final class ForestChart {

    private ForestChart() {}

    /**
     * Returns the chart's height: a row per arm.
     *
     * @param chart the chart {@link #of} drew
     * @param group the data set and model
     * @return pixels
     */
    static int height(JFreeChart chart, ModelGroup group) {
        return ChartStyle.height(
                chart,
                width(group),
                RowAxis.plotHeight(group.weighted().size()),
                Charts.HEIGHT / 2);
    }

    /**
     * Returns the chart's width: wider where the arms' names need it.
     *
     * @param group the data set and model
     * @return pixels
     */
    static int width(ModelGroup group) {
        return RowAxis.chartWidth(labels(group, List.of()));
    }

    /**
     * Draws the chart.
     *
     * @param group the data set and model; it must have a compared arm
     * @param recommendations the group's recommendations
     * @return the chart
     */
    static JFreeChart of(ModelGroup group, List<Recommendation> recommendations) {
        List<ArmResult> arms = group.weighted();
        Set<ArmResult> chosen = chosen(recommendations);
        XYIntervalSeries others = new XYIntervalSeries("arm (mean, 95% interval)");
        XYIntervalSeries recommended = new XYIntervalSeries("recommended (chosen on validation)");
        for (int i = 0; i < arms.size(); i++) {
            ArmResult arm = arms.get(i);
            int row = RowAxis.value(i, arms.size());
            SeedStatistics reduction = arm.statistics(Measure.SD_REDUCTION);
            (chosen.contains(arm) ? recommended : others)
                    .add(reduction.mean(), low(reduction), high(reduction), row, row, row);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(others);
        if (!chosen.isEmpty()) {
            data.addSeries(recommended);
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawYError(false);
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(8);
        renderer.setErrorPaint(null);
        renderer.setSeriesPaint(0, DARK);
        renderer.setSeriesPaint(1, new Color(0xD94801));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesShape(1, new Rectangle2D.Double(-7, -7, 14, 14));
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        NumberAxis reduction = new NumberAxis("sd reduction 1 - sd(s')/sd(s), test split");
        reduction.setAutoRangeIncludesZero(true);
        reduction.setAutoRangeStickyZero(false);
        reduction.setLowerMargin(0.05);
        reduction.setUpperMargin(0.05);
        styleNumberAxis(reduction);
        XYPlot plot =
                new XYPlot(data, reduction, RowAxis.of(labels(group, recommendations)), renderer);
        styleXYPlot(plot);
        plot.setRangeGridlinesVisible(false);
        plot.addDomainMarker(verticalMarker(0.0, "baseline", BASELINE.darker()));
        return chart(
                "Spread reduction per arm: " + group.dataset() + ", " + group.model(),
                "test split, mean over seeds with 95% t interval; "
                        + (chosen.isEmpty()
                                ? "no arm recommended on the validation split"
                                : "★ recommended on the validation split"),
                ArmNames.of(group).sharedText(s -> s, group.modes()),
                plot);
    }

    /** Each compared arm's row name: a star if recommended, its name, its accuracy change. */
    private static String[] labels(ModelGroup group, List<Recommendation> recommendations) {
        ArmNames names = ArmNames.of(group);
        Set<ArmResult> chosen = chosen(recommendations);
        return group.weighted().stream()
                .map(
                        arm ->
                                (chosen.contains(arm) ? "★ " : "")
                                        + names.label(arm.arm())
                                        + String.format(
                                                Locale.ROOT,
                                                "  (Δacc %+.2f pts)",
                                                100
                                                        * arm.statistics(Measure.DELTA_ACCURACY)
                                                                .mean()))
                .toArray(String[]::new);
    }

    private static Set<ArmResult> chosen(List<Recommendation> recommendations) {
        return recommendations.stream()
                .flatMap(r -> r.chosen().stream())
                .map(Recommendation.Candidate::arm)
                .collect(Collectors.toSet());
    }
}
