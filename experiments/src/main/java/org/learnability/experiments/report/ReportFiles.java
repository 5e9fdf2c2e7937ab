package org.learnability.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a report wrote.
 *
 * @param summary {@code summary.csv}
 * @param report {@code report.md}
 * @param charts the PNG charts
 */
public record ReportFiles(Path summary, Path report, List<Path> charts) {

    /** Takes an immutable copy. */
    public ReportFiles {
        charts = List.copyOf(charts);
    }

    /**
     * Returns every file.
     *
     * @return the summary, the report and the charts
     */
    public List<Path> all() {
        List<Path> all = new ArrayList<>(List.of(summary, report));
        all.addAll(charts);
        return List.copyOf(all);
    }
}
