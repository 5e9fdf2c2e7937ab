package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ModelGroup;

/**
 * The test confusion matrix of one arm as a heat map: counts pooled over seeds, each row divided by
 * its sum, rows the actual class (first at the top), columns the predicted class, each cell
 * labelled with its share (up to 20 classes).
 */
final class ConfusionChart {

    private ConfusionChart() {}

    /**
     * The test confusion matrix of one arm as a heat map: counts pooled over seeds, each row
     * divided by its sum, rows the actual class (first at the top), columns the predicted class.
     *
     * @param group the data set and model
     * @param arm the arm; it must have confusion matrices
     * @return the chart
     */
    static JFreeChart of(ModelGroup group, ArmResult arm) {
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
        ArmNames armNames = ArmNames.of(group);
        JFreeChart chart =
                chart(
                        "Confusion matrix: " + armNames.label(arm.arm()),
                        group.dataset()
                                + ", "
                                + group.model()
                                + "; test split, counts of "
                                + seedText(List.of(arm))
                                + " pooled, each row divided by its sum (the diagonal is the TPR)",
                        armNames.sharedText(s -> s, group.modes()),
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
