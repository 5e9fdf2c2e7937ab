package org.learnability.experiments.report;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a report as it is written: its file name, the chart, and the size it is drawn at.
 *
 * @param name the file name, e.g. {@code forest.png}
 * @param chart the chart
 * @param width the width in pixels
 * @param height the height in pixels
 */
record ChartFile(String name, JFreeChart chart, int width, int height) {

    /**
     * Renders the chart.
     *
     * @return the PNG bytes
     */
    byte[] png() {
        return ChartStyle.png(chart, width, height);
    }
}
