package org.learnability.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
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

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font CELL = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Color BASELINE = new Color(0x9E9E9E);
    private static final Color DARK = new Color(0x08306B);

    /** Okabe-Ito colours, distinguishable with colour-blindness, for the strategies. */
    private static final List<Color> PALETTE =
            List.of(
                    new Color(0x0072B2),
                    new Color(0xE69F00),
                    new Color(0x009E73),
                    new Color(0xCC79A7),
                    new Color(0xD55E00),
                    new Color(0x56B4E9),
                    new Color(0xF0E442),
                    new Color(0x000000));

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
     * The test confusion matrix of one arm as a heat map: counts pooled over seeds, each row
     * divided by its sum, rows the actual class (first at the top), columns the predicted class.
     *
     * @param group the data set and model
     * @param arm the arm; it must have confusion matrices
     * @return the chart
     */
    public static JFreeChart confusion(ModelGroup group, ArmResult arm) {
        double[][] matrix =
                arm.normalisedConfusion()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                arm.arm() + " has no confusion matrices"));
        int classes = matrix.length;
        double[][] xyz = new double[3][classes * classes];
        XYPlot plot = new XYPlot();
        for (int a = 0; a < classes; a++) {
            for (int p = 0; p < classes; p++) {
                int i = a * classes + p;
                xyz[0][i] = p;
                xyz[1][i] = a;
                xyz[2][i] = matrix[a][p];
                if (classes <= 20) {
                    XYTextAnnotation cell =
                            new XYTextAnnotation(
                                    String.format(Locale.ROOT, "%.2f", matrix[a][p]), p, a);
                    cell.setFont(CELL);
                    cell.setPaint(matrix[a][p] > 0.5 ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(cell);
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share", xyz);
        String[] names = group.classNames().toArray(String[]::new);
        SymbolAxis predicted = new SymbolAxis("predicted class", names);
        SymbolAxis actual = new SymbolAxis("actual class", names);
        for (SymbolAxis axis : List.of(predicted, actual)) {
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, classes - 0.5);
            styleNumberAxis(axis);
        }
        predicted.setVerticalTickLabels(names.length > 8);
        actual.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        BlueScale scale = new BlueScale();
        renderer.setPaintScale(scale);
        plot.setDataset(data);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(actual);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        JFreeChart chart =
                chart(
                        "Confusion matrix: " + group.label(arm.arm()),
                        group.dataset()
                                + ", "
                                + group.model()
                                + "; test split, counts of "
                                + seedText(List.of(arm))
                                + " pooled, each row divided by its sum (the diagonal is the TPR)",
                        plot);
        chart.removeLegend();
        NumberAxis legendAxis = new NumberAxis("share of the actual class");
        legendAxis.setRange(0.0, 1.0);
        styleNumberAxis(legendAxis);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        chart.addSubtitle(legend);
        return chart;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot render the chart '" + chart.getTitle().getText() + "'", e);
        }
        return out.toByteArray();
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
                        .map(a -> a.arm().mode() + "\n" + a.arm().strategy())
                        .distinct()
                        .toList();
        for (int i = 0; i < arms.size(); i++) {
            ArmResult arm = arms.get(i);
            Color hue =
                    arm.arm().baseline()
                            ? BASELINE
                            : PALETTE.get(
                                    strategies.indexOf(
                                                    arm.arm().mode() + "\n" + arm.arm().strategy())
                                            % PALETTE.size());
            renderer.setSeriesPaint(i, lighter(hue, group.engines().indexOf(arm.arm().engine())));
        }
        CategoryPlot plot = new CategoryPlot(data, classes, range, renderer);
        stylePlot(plot);
        return plot;
    }

    private static JFreeChart chart(String title, String subtitle, Plot plot) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle sub = new TextTitle(subtitle, SUBTITLE);
        sub.setPaint(Color.DARK_GRAY);
        chart.addSubtitle(sub);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LEGEND);
            chart.getLegend().setFrame(BlockBorder.NONE);
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        return chart;
    }

    private static void stylePlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
    }

    private static void styleCategoryAxis(CategoryAxis axis, boolean slanted) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setCategoryMargin(0.18);
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
        axis.setMaximumCategoryLabelLines(2);
        axis.setMaximumCategoryLabelWidthRatio(1.5f);
        if (slanted) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
    }

    private static void styleNumberAxis(NumberAxis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK_LABEL);
    }

    private static Number spread(SeedStatistics s) {
        return Double.isNaN(s.standardDeviation()) ? null : s.standardDeviation();
    }

    private static String seedText(List<ArmResult> arms) {
        int min = arms.stream().mapToInt(ArmResult::seeds).min().orElse(0);
        int max = arms.stream().mapToInt(ArmResult::seeds).max().orElse(0);
        String n = min == max ? Integer.toString(min) : min + "-" + max;
        return n + (max == 1 ? " seed" : " seeds");
    }

    /** The colour mixed with white, 45% more for each step. */
    private static Color lighter(Color base, int steps) {
        double keep = Math.pow(0.55, steps);
        return new Color(
                (int) Math.round(255 - (255 - base.getRed()) * keep),
                (int) Math.round(255 - (255 - base.getGreen()) * keep),
                (int) Math.round(255 - (255 - base.getBlue()) * keep));
    }

    /** A dashed horizontal line with its label above its right end. */
    private static ValueMarker marker(double value, String label, Color color) {
        ValueMarker marker = new ValueMarker(value, color, dashed(1.5f));
        marker.setLabel(label);
        marker.setLabelFont(TICK_LABEL);
        marker.setLabelPaint(color);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        marker.setLabelOffset(new RectangleInsets(2, 2, 2, 6));
        return marker;
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(
                width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** White at 0 to dark blue at 1, for shares. */
    private static final class BlueScale implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0.0;
        }

        @Override
        public double getUpperBound() {
            return 1.0;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Double.isNaN(value) ? 0.0 : Math.max(0.0, Math.min(1.0, value));
            return new Color(
                    (int) Math.round(255 + (DARK.getRed() - 255) * v),
                    (int) Math.round(255 + (DARK.getGreen() - 255) * v),
                    (int) Math.round(255 + (DARK.getBlue() - 255) * v));
        }
    }
}
