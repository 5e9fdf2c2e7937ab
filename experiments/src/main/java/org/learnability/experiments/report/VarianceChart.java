package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;

/**
 * Var(s) of the test TPRs of every arm, a row per arm (the first at the top): a point per seed and
 * a bar at the mean over seeds, the baseline's mean as a dashed line where the group has one
 * baseline.
 */
final class VarianceChart {

    private VarianceChart() {}

    /**
     * Draws the chart.
     *
     * @param group the data set and model
     * @return the chart
     */
    static JFreeChart of(ModelGroup group) {
        List<ArmResult> arms = group.arms();
        XYSeries seeds = new XYSeries("one seed", false);
        XYSeries means = new XYSeries("mean over seeds", false);
        for (int i = 0; i < arms.size(); i++) {
            ArmResult arm = arms.get(i);
            int row = RowAxis.value(i, arms.size());
            arm.models().forEach(m -> seeds.add(m.test().variance(), row));
            means.add(arm.statistics(Measure.VARIANCE).mean(), row);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(seeds);
        data.addSeries(means);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, PALETTE.get(0));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(1, Color.BLACK);
        renderer.setSeriesShape(1, new Rectangle2D.Double(-1.5, -13, 3, 26));
        renderer.setDefaultToolTipGenerator(null);
        NumberAxis range = new NumberAxis("Var(s) of the per-class TPRs (test split)");
        range.setAutoRangeIncludesZero(true);
        styleNumberAxis(range);
        XYPlot plot = new XYPlot(data, range, RowAxis.of(labels(group)), renderer);
        styleXYPlot(plot);
        plot.setRangeGridlinesVisible(false);
        if (group.baselines().size() == 1) {
            double baselineMean = group.baselines().get(0).statistics(Measure.VARIANCE).mean();
            plot.addDomainMarker(verticalMarker(baselineMean, "baseline mean", BASELINE.darker()));
        }
        return chart(
                "Spread of the per-class TPRs: " + group.dataset() + ", " + group.model(),
                "Var(s) per seed (points) and its mean (bar); lower is more even, D = baseline - strategy",
                ArmNames.of(group).sharedText(s -> s, group.modes()),
                plot);
    }

    /**
     * Returns the chart's width: wider where the arms' names need it.
     *
     * @param group the data set and model
     * @return pixels
     */
    static int width(ModelGroup group) {
        return RowAxis.chartWidth(labels(group));
    }

    /**
     * Returns the chart's height: a row per arm, at least {@link Charts#HEIGHT}.
     *
     * @param chart the chart {@link #of} drew
     * @param group the data set and model
     * @return pixels
     */
    static int height(JFreeChart chart, ModelGroup group) {
        return ChartStyle.height(
                chart, width(group), RowAxis.plotHeight(group.arms().size()), Charts.HEIGHT);
    }

    private static String[] labels(ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        return group.arms().stream().map(a -> names.label(a.arm())).toArray(String[]::new);
    }
}
