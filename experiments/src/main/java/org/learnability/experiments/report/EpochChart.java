package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.*;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.learnability.experiments.record.EpochScores;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ModelFigures;
import org.learnability.experiments.stats.ModelGroup;

/**
 * The swing of one arm made visible: per-class validation TPR after every epoch, a line per class,
 * the mean over the seeds that reached the epoch.
 */
final class EpochChart {

    private EpochChart() {}

    /**
     * Tells whether an arm has per-epoch scores to chart.
     *
     * @param arm the arm
     * @return {@code true} if any of its models recorded them
     */
    static boolean has(ArmResult arm) {
        return arm.models().stream().anyMatch(m -> !m.run().scores().epochValidation().isEmpty());
    }

    /**
     * Draws the chart.
     *
     * @param group the data set and model
     * @param arm the arm; it must have per-epoch scores
     * @return the chart
     */
    static JFreeChart of(ModelGroup group, ArmResult arm) {
        int epochs =
                arm.models().stream()
                        .mapToInt(m -> m.run().scores().epochValidation().size())
                        .max()
                        .orElse(0);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<String> classes = group.classNames();
        for (int c = 0; c < classes.size(); c++) {
            XYSeries series = new XYSeries(classes.get(c));
            for (int e = 0; e < epochs; e++) {
                double sum = 0;
                int seeds = 0;
                for (ModelFigures m : arm.models()) {
                    List<EpochScores> scores = m.run().scores().epochValidation();
                    if (e < scores.size()) {
                        sum += scores.get(e).tpr().get(c);
                        seeds++;
                    }
                }
                if (seeds > 0) {
                    series.add(e + 1, sum / seeds);
                }
            }
            data.addSeries(series);
            // a colour and marker pair of its own for each class
            renderer.setSeriesPaint(c, PALETTE.get(c % PALETTE.size()));
            renderer.setSeriesShape(
                    c, ArmMarks.SHAPES.get(c / PALETTE.size() % ArmMarks.SHAPES.size()));
            renderer.setSeriesStroke(c, new BasicStroke(2f));
        }
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis tpr = new NumberAxis("TPR (validation split)");
        tpr.setRange(0.0, 1.0);
        styleNumberAxis(epochAxis);
        styleNumberAxis(tpr);
        XYPlot plot = new XYPlot(data, epochAxis, tpr, renderer);
        styleXYPlot(plot);
        ArmNames names = ArmNames.of(group);
        return chart(
                "Validation TPR by epoch: " + names.label(arm.arm()),
                group.dataset()
                        + ", "
                        + group.model()
                        + "; mean over "
                        + seedText(List.of(arm))
                        + "; the model as it stood after each epoch (averaged, where averaging)",
                names.sharedText(s -> s, group.modes()),
                plot);
    }
}
