package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.Figures;
import org.learnability.experiments.stats.Measure;
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
 *       the source paper's Figure 1 and its before/after figure.
 *   <li>{@link #weights}: the class weights of each strategy, mean and standard deviation over
 *       seeds, a line at 1 (the unweighted loss).
 *   <li>{@link #variance}: Var(s) on the test split, a point per seed and a bar for the mean, per
 *       arm.
 *   <li>{@link #confusion}: the test confusion matrix of one arm, counts pooled over seeds and
 *       row-normalised, as a heat map.
 * </ul>
 */
public final class Charts {

    /** Width of every chart, in pixels. */
    public static final int WIDTH = 1000;

    /** Height of the bar and point charts, in pixels. */
    public static final int HEIGHT = 600;

    /** Height of a confusion heat map, in pixels. */
    public static final int CONFUSION_HEIGHT = 800;

    private Charts() {}

    /**
     * Per-class TPR bars on the test split: for every class the baseline beside each strategy.
     *
     * @param group the data set and model
     * @return the chart
     */
    public static JFreeChart tpr(ModelGroup group) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ArmResult arm : group.arms()) {
            for (int c = 0; c < group.classNames().size(); c++) {
                SeedStatistics s = arm.perClass(Figures::tpr, c);
                data.add(s.mean(), spread(s), group.label(arm.arm()), group.classNames().get(c));
            }
        }
        NumberAxis range = new NumberAxis("TPR (test split)");
        range.setRange(0.0, 1.0);
        CategoryPlot plot = barPlot(group, data, range, group.arms());
        return chart(
                "Per-class TPR: " + group.dataset() + ", " + group.model(),
                "mean over "
                        + seedText(group.arms())
                        + "; error bars: ±1 standard deviation over seeds",
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
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ArmResult arm : weighted) {
            for (int c = 0; c < group.classNames().size(); c++) {
                SeedStatistics s = arm.weight(c);
                data.add(s.mean(), spread(s), group.label(arm.arm()), group.classNames().get(c));
            }
        }
        NumberAxis range = new NumberAxis("class weight (mean 1)");
        range.setAutoRangeIncludesZero(true);
        range.setUpperMargin(0.08);
        CategoryPlot plot = barPlot(group, data, range, weighted);
        plot.addRangeMarker(marker(1.0, "unweighted", Color.DARK_GRAY));
        return chart(
                "Class weights: " + group.dataset() + ", " + group.model(),
                "weights each model trained with (dynamic: its last epoch); mean over seeds, error bars ±1 standard deviation",
                plot);
    }

    /**
     * Var(s) of the test TPRs for every arm: one point per seed and a bar at the mean.
     *
     * @param group the data set and model
     * @return the chart
     */
    public static JFreeChart variance(ModelGroup group) {
        DefaultMultiValueCategoryDataset seeds = new DefaultMultiValueCategoryDataset();
        DefaultCategoryDataset means = new DefaultCategoryDataset();
        for (ArmResult arm : group.arms()) {
            String label = group.label(arm.arm());
            List<Double> values = arm.models().stream().map(m -> m.test().variance()).toList();
            seeds.add(values, "one seed", label);
            means.addValue(arm.statistics(Measure.VARIANCE).mean(), "mean over seeds", label);
        }
        CategoryAxis categories = new CategoryAxis(null);
        styleCategoryAxis(categories, group.arms().size() > 5);
        NumberAxis range = new NumberAxis("Var(s) of the per-class TPRs (test split)");
        range.setAutoRangeIncludesZero(true);
        styleNumberAxis(range);

        ScatterRenderer points = new ScatterRenderer();
        points.setSeriesPaint(0, PALETTE.get(0));
        points.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        points.setUseOutlinePaint(false);
        points.setDefaultToolTipGenerator(null);

        LineAndShapeRenderer mean = new LineAndShapeRenderer(false, true);
        mean.setSeriesShape(0, new Rectangle2D.Double(-22, -1.5, 44, 3));
        mean.setSeriesPaint(0, Color.BLACK);

        CategoryPlot plot = new CategoryPlot(seeds, categories, range, points);
        plot.setDataset(1, means);
        plot.setRenderer(1, mean);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        stylePlot(plot);
        if (group.baselines().size() == 1) {
            double baselineMean = group.baselines().get(0).statistics(Measure.VARIANCE).mean();
            plot.addRangeMarker(marker(baselineMean, "baseline mean", BASELINE.darker()));
        }
        return chart(
                "Spread of the per-class TPRs: " + group.dataset() + ", " + group.model(),
                "Var(s) per seed (points) and its mean (bar); lower is more even, D = baseline - strategy",
                plot);
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

    private static CategoryPlot barPlot(
            ModelGroup group,
            DefaultStatisticalCategoryDataset data,
            NumberAxis range,
            List<ArmResult> arms) {
        CategoryAxis classes = new CategoryAxis("class");
        styleCategoryAxis(classes, group.classNames().size() > 12);
        styleNumberAxis(range);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.04);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.2f));
        // one hue per strategy (grey for the baseline), lighter for each further engine
        List<String> strategies =
                arms.stream()
                        .filter(a -> !a.arm().baseline())
                        .map(a -> a.arm().design())
                        .distinct()
                        .toList();
        for (int i = 0; i < arms.size(); i++) {
            ArmResult arm = arms.get(i);
            Color hue =
                    arm.arm().baseline()
                            ? BASELINE
                            : PALETTE.get(strategies.indexOf(arm.arm().design()) % PALETTE.size());
            renderer.setSeriesPaint(i, lighter(hue, group.engines().indexOf(arm.arm().engine())));
        }
        CategoryPlot plot = new CategoryPlot(data, classes, range, renderer);
        stylePlot(plot);
        return plot;
    }
}
