package org.learnability.experiments.report;

import static org.learnability.experiments.report.ChartStyle.TICK_LABEL;
import static org.learnability.experiments.report.ChartStyle.textWidth;

import java.util.Arrays;
import org.jfree.chart.axis.SymbolAxis;

/**
 * The vertical axis of a chart with a row per arm, the first arm at the top, each row labelled by
 * its arm's name; the chart is as tall as its rows need and as wide as its longest name needs to
 * leave the plot {@link #PLOT_WIDTH} pixels.
 */
final class RowAxis {

    /** The height of one row, in pixels. */
    static final int ROW_HEIGHT = 34;

    /** The least width of the plot beside the names, in pixels. */
    static final int PLOT_WIDTH = 560;

    private RowAxis() {}

    /**
     * The axis.
     *
     * @param labels the rows' names, the first at the top
     * @return a symbol axis whose value {@code rows - 1 - i} is row {@code i}
     */
    static SymbolAxis of(String[] labels) {
        String[] bottomUp = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bottomUp[labels.length - 1 - i] = labels[i];
        }
        SymbolAxis rows = new SymbolAxis(null, bottomUp);
        rows.setTickLabelFont(TICK_LABEL);
        rows.setGridBandsVisible(false);
        rows.setLowerMargin(0.5 / Math.max(1, labels.length));
        rows.setUpperMargin(0.5 / Math.max(1, labels.length));
        return rows;
    }

    /**
     * The axis value of a row.
     *
     * @param i the row, 0 at the top
     * @param rows how many rows
     * @return its value on the axis
     */
    static int value(int i, int rows) {
        return rows - 1 - i;
    }

    /**
     * The width of the chart.
     *
     * @param labels the rows' names
     * @return at least {@link Charts#WIDTH}, wider where the longest name leaves the plot less than
     *     {@link #PLOT_WIDTH} pixels
     */
    static int chartWidth(String[] labels) {
        int longest = Arrays.stream(labels).mapToInt(l -> textWidth(l, TICK_LABEL)).max().orElse(0);
        return Math.max(Charts.WIDTH, longest + PLOT_WIDTH + 2 * ChartStyle.PADDING + 20);
    }

    /**
     * The height of the plot area, the number axis below the rows included.
     *
     * @param rows how many rows
     * @return pixels
     */
    static int plotHeight(int rows) {
        return ROW_HEIGHT * rows + 70;
    }
}
