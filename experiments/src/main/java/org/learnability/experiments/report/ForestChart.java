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
import org.jfree.chart.axis.SymbolAxis;
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
 * in its own colour and marked.
 */
final class ForestChart {

    private static final int ROW_HEIGHT = 34;

    private ForestChart() {}

    /**
     * Returns the chart's height: a row per arm.
     *
     * @param group the data set and model
     * @return pixels
     */
    static int height(ModelGroup group) {
        return Math.max(Charts.HEIGHT / 2, 200 + ROW_HEIGHT * group.weighted().size());
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
        Set<ArmResult> chosen =
                recommendations.stream()
                        .flatMap(r -> r.chosen().stream())
                        .map(Recommendation.Candidate::arm)
                        .collect(Collectors.toSet());
        XYIntervalSeries others = new XYIntervalSeries("arm (mean, 95% interval)");
        XYIntervalSeries recommended = new XYIntervalSeries("recommended (chosen on validation)");
        String[] labels = new String[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            ArmResult arm = arms.get(i);
            int row = arms.size() - 1 - i; // the first arm at the top
            SeedStatistics reduction = arm.statistics(Measure.SD_REDUCTION);
            SeedStatistics accuracy = arm.statistics(Measure.DELTA_ACCURACY);
            labels[row] =
                    (chosen.contains(arm) ? "★ " : "")
                            + group.label(arm.arm())
                            + String.format(
                                    Locale.ROOT, "  (Δacc %+.2f pts)", 100 * accuracy.mean());
            (chosen.contains(arm) ? recommended : others)
                    .add(reduction.mean(), low(reduction), high(reduction), row, row, row);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(others);
        data.addSeries(recommended);
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
        reduction.setLowerMargin(0.05);
        reduction.setUpperMargin(0.05);
        styleNumberAxis(reduction);
        SymbolAxis rows = new SymbolAxis(null, labels);
        rows.setTickLabelFont(TICK_LABEL);
        rows.setGridBandsVisible(false);
        rows.setLowerMargin(0.5 / Math.max(1, arms.size()));
        rows.setUpperMargin(0.5 / Math.max(1, arms.size()));
        XYPlot plot = new XYPlot(data, reduction, rows, renderer);
        styleXYPlot(plot);
        plot.setRangeGridlinesVisible(false);
        plot.addDomainMarker(marker(0.0, "baseline", BASELINE.darker()));
        return chart(
                "Spread reduction per arm: " + group.dataset() + ", " + group.model(),
                "test split, mean over seeds with 95% t interval; ★ recommended on the validation"
                        + " split",
                plot);
    }
}
