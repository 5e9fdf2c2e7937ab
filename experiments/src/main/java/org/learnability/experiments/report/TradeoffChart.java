package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.learnability.experiments.record.Finetune;
import org.learnability.experiments.record.Head;
import org.learnability.experiments.stats.Arm;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.SeedStatistics;

/**
 * The trade-off of every weighted arm at a glance: its spread reduction {@code 1 - sd(s')/sd(s)}
 * (up is more even classes) against its accuracy change (right is more accurate), each the mean
 * over seeds with its 95% interval as error bars (none with one seed), each arm in its colour and
 * marker ({@link ArmMarks}); the baseline is the origin. {@link #againstCost} plots the same
 * reductions against each arm's own wall minutes.
 */
final class TradeoffChart {

    private TradeoffChart() {}

    /**
     * Draws the chart.
     *
     * @param group the data set and model; it must have a weighted arm
     * @return the chart
     */
    static JFreeChart of(ModelGroup group) {
        XYPlot plot =
                plot(
                        group,
                        arm -> arm.statistics(Measure.DELTA_ACCURACY),
                        "Δ accuracy against the baseline (test split)");
        plot.addDomainMarker(verticalMarker(0.0, "baseline accuracy", BASELINE.darker()));
        plot.addRangeMarker(marker(0.0, "baseline spread", BASELINE.darker()));
        return chart(
                "Spread against accuracy: " + group.dataset() + ", " + group.model(),
                "mean over seeds, error bars the 95% t interval; up: classes more even, right:"
                        + " more accurate",
                ArmNames.of(group).sharedText(s -> s, group.modes()),
                plot);
    }

    /**
     * Draws the same spread reductions against each arm's own cost: the wall minutes of its models
     * per seed (mean over seeds, with its interval), for records that carry their cost.
     *
     * @param group the data set and model; it must have a weighted arm
     * @return the chart
     */
    static JFreeChart againstCost(ModelGroup group) {
        XYPlot plot = plot(group, ArmResult::wallMinutes, "the arm's own wall minutes per seed");
        plot.addRangeMarker(marker(0.0, "baseline spread", BASELINE.darker()));
        return chart(
                "Spread against cost: " + group.dataset() + ", " + group.model(),
                "mean over seeds, error bars the 95% t interval; up: classes more even, left:"
                        + " cheaper (an arm built on the baseline adds the baseline's cost)",
                ArmNames.of(group).sharedText(s -> s, group.modes()),
                plot);
    }

    /**
     * Every weighted arm's test spread reduction (y) against another of its figures (x), each the
     * mean over seeds with its 95% interval as error bars; both axes include 0.
     */
    private static XYPlot plot(
            ModelGroup group, Function<ArmResult, SeedStatistics> x, String xLabel) {
        List<ArmResult> weighted = group.weighted();
        if (weighted.isEmpty()) {
            throw new IllegalArgumentException("no weighted arm to chart the trade-off of");
        }
        ArmNames names = ArmNames.of(group);
        Map<Arm, ArmMarks.Mark> marks = ArmMarks.of(group, names);
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setErrorStroke(new BasicStroke(1.4f));
        renderer.setCapLength(6);
        for (int i = 0; i < weighted.size(); i++) {
            ArmResult arm = weighted.get(i);
            SeedStatistics xs = x.apply(arm);
            SeedStatistics y = arm.statistics(Measure.SD_REDUCTION);
            XYIntervalSeries series = new XYIntervalSeries(names.label(arm.arm()));
            series.add(xs.mean(), low(xs), high(xs), y.mean(), low(y), high(y));
            data.addSeries(series);
            renderer.setSeriesPaint(i, marks.get(arm.arm()).color());
            renderer.setSeriesShape(i, marks.get(arm.arm()).shape());
            renderer.setSeriesLinesVisible(i, false);
        }
        renderer.setErrorPaint(null); // each bar in its point's colour
        renderer.setLegendItemLabelGenerator(
                (dataset, series) ->
                        wrapLegend(dataset.getSeriesKey(series).toString(), Charts.WIDTH));
        NumberAxis horizontal = new NumberAxis(xLabel);
        NumberAxis reduction = new NumberAxis("sd reduction 1 - sd(s')/sd(s) (test split)");
        for (NumberAxis axis : List.of(horizontal, reduction)) {
            axis.setAutoRangeIncludesZero(true); // the baseline, at the origin, is always in view
            axis.setAutoRangeStickyZero(false); // and a point at 0 is not on the plot's edge
            axis.setLowerMargin(0.08);
            axis.setUpperMargin(0.08);
            styleNumberAxis(axis);
        }
        XYPlot plot = new XYPlot(data, horizontal, reduction, renderer);
        styleXYPlot(plot);
        return plot;
    }

    /**
     * Tells whether a group's cost chart is drawn: every weighted arm records its cost and some arm
     * builds on the baseline's model by training (a fine-tune, a re-trained head).
     *
     * @param group the data set and model
     * @return whether to draw {@link #againstCost}
     */
    static boolean drawsCost(ModelGroup group) {
        List<ArmResult> weighted = group.weighted();
        return !weighted.isEmpty()
                && weighted.stream().allMatch(ArmResult::recordsCost)
                && weighted.stream()
                        .flatMap(a -> a.models().stream())
                        .anyMatch(
                                m ->
                                        m.run().parts().has(Finetune.PART)
                                                || m.run().parts().has(Head.PART));
    }
}
