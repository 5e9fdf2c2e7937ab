package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.learnability.experiments.stats.Arm;
import org.learnability.experiments.stats.ArmFrontier;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ModelGroup;

/**
 * The offsets' trade-off frontier ({@link ArmFrontier}): for every arm whose models record one (the
 * post-hoc arms: the baseline's models, or another mode's, with offsets), the test sd reduction
 * against the baseline (y, mean over seeds) that offsets chosen on validation reach within each
 * accuracy budget (x, points of validation accuracy); a line per arm in its colour and marker
 * ({@link ArmMarks}), no error bars so that many lines stay apart (the report's table gives the
 * intervals).
 */
final class FrontierChart {

    private FrontierChart() {}

    /**
     * Tells whether a group's frontier chart is drawn.
     *
     * @param group the data set and model
     * @return {@code true} if an arm records its frontier
     */
    static boolean has(ModelGroup group) {
        return !ArmFrontier.arms(group).isEmpty();
    }

    /**
     * Draws the chart.
     *
     * @param group the data set and model; an arm must record its frontier
     * @return the chart
     */
    static JFreeChart of(ModelGroup group) {
        List<ArmResult> arms = ArmFrontier.arms(group);
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no arm records an offsets frontier");
        }
        ArmNames names = ArmNames.of(group);
        Map<Arm, ArmMarks.Mark> marks = ArmMarks.of(group, names);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < arms.size(); i++) {
            ArmResult arm = arms.get(i);
            ArmFrontier frontier = ArmFrontier.of(arm).orElseThrow();
            XYSeries series = new XYSeries(names.label(arm.arm()), false, true);
            for (int b = 0; b < frontier.budgets().size(); b++) {
                double y = frontier.sdReduction().get(b).mean();
                if (!Double.isNaN(y)) {
                    series.add(frontier.budgets().get(b) * 100, y);
                }
            }
            data.addSeries(series);
            renderer.setSeriesPaint(i, marks.get(arm.arm()).color());
            renderer.setSeriesShape(i, marks.get(arm.arm()).shape());
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        renderer.setLegendItemLabelGenerator(
                (dataset, series) ->
                        wrapLegend(dataset.getSeriesKey(series).toString(), Charts.WIDTH));
        NumberAxis budget =
                new NumberAxis("accuracy budget: validation accuracy given up (points)");
        NumberAxis reduction = new NumberAxis("sd reduction 1 - sd(s')/sd(s) (test split)");
        for (NumberAxis axis : List.of(budget, reduction)) {
            axis.setAutoRangeIncludesZero(true);
            axis.setAutoRangeStickyZero(false);
            axis.setLowerMargin(0.08);
            axis.setUpperMargin(0.08);
            styleNumberAxis(axis);
        }
        XYPlot plot = new XYPlot(data, budget, reduction, renderer);
        styleXYPlot(plot);
        plot.addRangeMarker(marker(0.0, "baseline spread", BASELINE.darker()));
        return chart(
                "Offsets trade-off frontier: " + group.dataset() + ", " + group.model(),
                "offsets T ln(w_c) chosen on validation within each budget, judged on test;"
                        + " mean over "
                        + seedText(arms)
                        + "; up: classes more even",
                names.sharedText(s -> s, group.modes()),
                plot);
    }
}
