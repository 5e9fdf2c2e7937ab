package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.learnability.experiments.stats.Arm;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Figures;
import org.learnability.experiments.stats.ModelGroup;
import org.learnability.experiments.stats.SeedStatistics;

/**
 * The charts of a report, drawn with JFreeChart and written as PNG. Rendering needs no display: run
 * the JVM with {@code -Djava.awt.headless=true} (the Maven build does), which a JVM without a
 * display also assumes by itself.
 *
 * <ul>
 *   <li>{@link #tpr}: per-class TPR on the test split, the baseline beside each strategy, bars the
 *       mean over seeds, error bars one sample standard deviation over seeds (none with one seed);
 *       the source paper's Figure 1 and its before/after figure. Where two arms would share a
 *       colour, each arm is a point in its own colour and marker ({@link ArmMarks}) instead.
 *   <li>{@link #weights}: the class weights of each strategy, mean and standard deviation over
 *       seeds, a line at 1 (the unweighted loss).
 *   <li>{@link #variance}: Var(s) on the test split, a point per seed and a bar for the mean, a row
 *       per arm.
 *   <li>{@link #confusion}: the test confusion matrix of one arm, counts pooled over seeds and
 *       row-normalised, as a heat map.
 * </ul>
 *
 * <p>Arms are named by what tells them apart ({@link ArmNames}); the settings they share are a
 * subtitle. The legend is below the plot, its entries wrapped to the chart's width, and the chart
 * grows taller as the legend grows ({@link ReportCharts}).
 */
public final class Charts {

    /** Width of every chart, in pixels. */
    public static final int WIDTH = 1000;

    /** Least height of the bar and point charts, in pixels. */
    public static final int HEIGHT = 600;

    /** Least height of a confusion heat map, in pixels. */
    public static final int CONFUSION_HEIGHT = 800;

    private Charts() {}

    /**
     * Per-class TPR on the test split: for every class the baseline beside each strategy.
     *
     * @param group the data set and model
     * @return the chart
     */
    public static JFreeChart tpr(ModelGroup group) {
        ArmNames names = ArmNames.of(group);
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ArmResult arm : group.arms()) {
            for (int c = 0; c < group.classNames().size(); c++) {
                SeedStatistics s = arm.perClass(Figures::tpr, c);
                data.add(s.mean(), spread(s), names.label(arm.arm()), group.classNames().get(c));
            }
        }
        NumberAxis range = new NumberAxis("TPR (test split)");
        range.setRange(0.0, 1.0);
        CategoryPlot plot = classPlot(group, names, data, range, group.arms());
        return chart(
                "Per-class TPR: " + group.dataset() + ", " + group.model(),
                "mean over "
                        + seedText(group.arms())
                        + "; error bars: ±1 standard deviation over seeds",
                names.sharedText(t -> t, group.modes()),
                plot);
    }

    /**
     * The class weights of every strategy, mean over seeds with ±1 standard deviation.
     *
     * @param group the data set and model; it must have a weighted arm
     * @return the chart
     */
    public static JFreeChart weights(ModelGroup group) {
        List<ArmResult> weighted = group.weighted();
        if (weighted.isEmpty()) {
            throw new IllegalArgumentException("no weighted arm to chart the weights of");
        }
        ArmNames names = ArmNames.of(group);
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ArmResult arm : weighted) {
            for (int c = 0; c < group.classNames().size(); c++) {
                SeedStatistics s = arm.weight(c);
                data.add(s.mean(), spread(s), names.label(arm.arm()), group.classNames().get(c));
            }
        }
        NumberAxis range = new NumberAxis("class weight (mean 1)");
        range.setAutoRangeIncludesZero(true);
        range.setUpperMargin(0.08);
        CategoryPlot plot = classPlot(group, names, data, range, weighted);
        plot.addRangeMarker(marker(1.0, "unweighted", Color.DARK_GRAY));
        return chart(
                "Class weights: " + group.dataset() + ", " + group.model(),
                "weights each model trained with (dynamic: its last epoch); mean over seeds, error bars ±1 standard deviation",
                names.sharedText(t -> t, group.modes()),
                plot);
    }

    /**
     * Var(s) of the test TPRs for every arm, a row per arm: one point per seed and a bar at the
     * mean (see {@link VarianceChart}).
     *
     * @param group the data set and model
     * @return the chart
     */
    public static JFreeChart variance(ModelGroup group) {
        return VarianceChart.of(group);
    }

    /**
     * Every weighted arm's spread reduction against its accuracy change, with intervals (see {@link
     * TradeoffChart}).
     *
     * @param group the data set and model; it must have a weighted arm
     * @return the chart
     */
    public static JFreeChart tradeoff(ModelGroup group) {
        return TradeoffChart.of(group);
    }

    /**
     * Every weighted arm's spread reduction against its own cost in wall minutes (see {@link
     * TradeoffChart#againstCost}).
     *
     * @param group the data set and model; it must have a weighted arm
     * @return the chart
     */
    public static JFreeChart cost(ModelGroup group) {
        return TradeoffChart.againstCost(group);
    }

    /**
     * Tells whether a group has a cost chart: its arms record their cost and some arm is built on
     * the baseline by training.
     *
     * @param group the data set and model
     * @return whether {@link #cost} is drawn
     */
    public static boolean hasCost(ModelGroup group) {
        return TradeoffChart.drawsCost(group);
    }

    /**
     * The test confusion matrix of one arm as a heat map (see {@link ConfusionChart}).
     *
     * @param group the data set and model
     * @param arm the arm; it must have confusion matrices
     * @return the chart
     */
    public static JFreeChart confusion(ModelGroup group, ArmResult arm) {
        return ConfusionChart.of(group, arm);
    }

    /**
     * Renders a chart as PNG.
     *
     * @param chart the chart
     * @param width the width in pixels
     * @param height the height in pixels
     * @return the PNG bytes
     */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return ChartStyle.png(chart, width, height);
    }

    /**
     * A figure per class and arm: bars where every arm has a colour of its own, else a point per
     * arm in its colour and marker ({@link ArmMarks}), the arms side by side within a class; error
     * bars ±1 standard deviation.
     */
    private static CategoryPlot classPlot(
            ModelGroup group,
            ArmNames names,
            DefaultStatisticalCategoryDataset data,
            NumberAxis range,
            List<ArmResult> arms) {
        CategoryAxis classes = new CategoryAxis("class");
        styleCategoryAxis(classes, group.classNames().size() > 12);
        styleNumberAxis(range);
        Map<Arm, ArmMarks.Mark> marks = ArmMarks.of(group, names);
        AbstractCategoryItemRenderer renderer;
        if (ArmMarks.coloursDiffer(marks, arms)) {
            StatisticalBarRenderer bars = new StatisticalBarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
            bars.setItemMargin(0.04);
            bars.setErrorIndicatorPaint(Color.BLACK);
            bars.setErrorIndicatorStroke(new BasicStroke(1.2f));
            renderer = bars;
        } else {
            StatisticalLineAndShapeRenderer points =
                    new StatisticalLineAndShapeRenderer(false, true);
            points.setUseSeriesOffset(true);
            points.setItemMargin(0.1);
            points.setErrorIndicatorPaint(null); // each bar in its point's colour
            points.setErrorIndicatorStroke(new BasicStroke(1.2f));
            renderer = points;
            // points need no zero to stand on: the axis spans the figures, to tell them apart
            range.setAutoRange(true);
            range.setAutoRangeIncludesZero(false);
        }
        for (int i = 0; i < arms.size(); i++) {
            ArmMarks.Mark mark = marks.get(arms.get(i).arm());
            renderer.setSeriesPaint(i, mark.color());
            renderer.setSeriesShape(i, mark.shape());
        }
        renderer.setLegendItemLabelGenerator(
                (dataset, series) -> wrapLegend(dataset.getRowKey(series).toString(), WIDTH));
        CategoryPlot plot = new CategoryPlot(data, classes, range, renderer);
        stylePlot(plot);
        return plot;
    }
}
