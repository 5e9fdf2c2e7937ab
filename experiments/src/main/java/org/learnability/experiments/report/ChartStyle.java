package org.learnability.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.SeedStatistics;

/**
 * What every chart of a report shares: fonts, the colour-blind-safe palette, the frame of a chart
 * (title, subtitle, the settings every arm shares, legend at the bottom), the height that leaves
 * the plot its room below the titles and legend, legend entries wrapped to the chart's width, axis
 * and plot styles, dashed reference lines, and the rendering to PNG. Rendering needs no display:
 * run the JVM with {@code -Djava.awt.headless=true} (the Maven build and the launcher do), which a
 * JVM without a display also assumes by itself.
 */
final class ChartStyle {

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font CELL = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Color BASELINE = new Color(0x9E9E9E);
    static final Color DARK = new Color(0x08306B);

    /** The blank edge of every chart, in pixels. */
    static final int PADDING = 8;

    /** Okabe-Ito colours, distinguishable with colour-blindness, for the strategies. */
    static final List<Color> PALETTE =
            List.of(
                    new Color(0x0072B2),
                    new Color(0xE69F00),
                    new Color(0x009E73),
                    new Color(0xCC79A7),
                    new Color(0xD55E00),
                    new Color(0x56B4E9),
                    new Color(0xF0E442),
                    new Color(0x000000));

    private ChartStyle() {}

    /**
     * Renders a chart as PNG.
     *
     * @param chart the chart
     * @param width the width in pixels
     * @param height the height in pixels
     * @return the PNG bytes
     */
    static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot render the chart '" + chart.getTitle().getText() + "'", e);
        }
        return out.toByteArray();
    }

    /**
     * The height at which a chart's plot area (its axes included) is {@code plotHeight} tall below
     * and above its titles, subtitles and legend as they are laid out at {@code width}; at least
     * {@code minHeight}.
     */
    static int height(JFreeChart chart, int width, int plotHeight, int minHeight) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            double available = width - PADDING * 2;
            RectangleConstraint room =
                    new RectangleConstraint(
                            available,
                            new Range(0, available),
                            LengthConstraintType.RANGE,
                            1e6,
                            new Range(0, 1e6),
                            LengthConstraintType.RANGE);
            double titles = 0;
            List<Title> all = new ArrayList<>(List.of(chart.getTitle()));
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                all.add(chart.getSubtitle(i));
            }
            for (Title t : all) {
                if (t.isVisible() && RectangleEdge.isTopOrBottom(t.getPosition())) {
                    titles += t.arrange(g2, room).getHeight();
                }
            }
            return Math.max(minHeight, (int) Math.ceil(titles + plotHeight + PADDING * 2));
        } finally {
            g2.dispose();
        }
    }

    /** The width of a text in a font, in pixels. */
    static int textWidth(String text, Font font) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g2.getFontMetrics(font).stringWidth(text);
        } finally {
            g2.dispose();
        }
    }

    /**
     * Breaks a legend entry into lines that fit a chart {@code width} wide, after a {@code ;},
     * {@code ,} or space; a word longer than a line stays whole.
     */
    static String wrapLegend(String text, int width) {
        double line = width - PADDING * 2 - 60;
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics metrics = g2.getFontMetrics(LEGEND);
            if (metrics.stringWidth(text) <= line) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            StringBuilder current = new StringBuilder();
            for (String piece : text.split("(?<=[;, ])")) {
                if (current.length() > 0 && metrics.stringWidth(current + piece) > line) {
                    out.append(current.toString().stripTrailing()).append('\n');
                    current.setLength(0);
                }
                current.append(piece);
            }
            return out.append(current).toString();
        } finally {
            g2.dispose();
        }
    }

    static JFreeChart chart(String title, String subtitle, Plot plot) {
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
        chart.setPadding(new RectangleInsets(PADDING, PADDING, PADDING, PADDING));
        return chart;
    }

    /**
     * A chart whose second subtitle says which settings every arm shares ({@link ArmNames}), where
     * they share any.
     */
    static JFreeChart chart(String title, String subtitle, String shared, Plot plot) {
        JFreeChart chart = chart(title, subtitle, plot);
        if (!shared.isEmpty()) {
            TextTitle settings = new TextTitle(shared, SUBTITLE);
            settings.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(settings);
        }
        return chart;
    }

    static void stylePlot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
    }

    /** A white XY plot with light grid lines both ways and no outline. */
    static void styleXYPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
    }

    /** The lower end of an error bar: the interval's, or the mean with one seed. */
    static double low(SeedStatistics s) {
        return s.hasInterval() ? s.ciLow() : s.mean();
    }

    /** The upper end of an error bar: the interval's, or the mean with one seed. */
    static double high(SeedStatistics s) {
        return s.hasInterval() ? s.ciHigh() : s.mean();
    }

    static void styleCategoryAxis(CategoryAxis axis, boolean slanted) {
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

    static void styleNumberAxis(NumberAxis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK_LABEL);
    }

    static Number spread(SeedStatistics s) {
        return Double.isNaN(s.standardDeviation()) ? null : s.standardDeviation();
    }

    static String seedText(List<ArmResult> arms) {
        int min = arms.stream().mapToInt(ArmResult::seeds).min().orElse(0);
        int max = arms.stream().mapToInt(ArmResult::seeds).max().orElse(0);
        String n = min == max ? Integer.toString(min) : min + "-" + max;
        return n + (max == 1 ? " seed" : " seeds");
    }

    /** The colour mixed with white, 45% more for each step. */
    static Color lighter(Color base, int steps) {
        double keep = Math.pow(0.55, steps);
        return new Color(
                (int) Math.round(255 - (255 - base.getRed()) * keep),
                (int) Math.round(255 - (255 - base.getGreen()) * keep),
                (int) Math.round(255 - (255 - base.getBlue()) * keep));
    }

    /** A dashed horizontal line with its label above its right end. */
    static ValueMarker marker(double value, String label, Color color) {
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

    /** A dashed vertical line with its label inside the plot, right of its top. */
    static ValueMarker verticalMarker(double value, String label, Color color) {
        ValueMarker marker = marker(value, label, color);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(
                width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
