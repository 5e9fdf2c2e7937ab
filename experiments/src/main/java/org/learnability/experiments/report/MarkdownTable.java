package org.learnability.experiments.report;

import java.util.List;

/** A Markdown table: a header row, its separator, and rows; pipes in cells are escaped. */
final class MarkdownTable {
    private final StringBuilder text = new StringBuilder();
    private final int columns;

    MarkdownTable(List<String> header) {
        columns = header.size();
        line(header);
        text.append("|").append(" --- |".repeat(columns)).append('\n');
    }

    void row(List<String> cells) {
        if (cells.size() != columns) {
            throw new IllegalArgumentException(cells.size() + " cells for " + columns + " columns");
        }
        line(cells);
    }

    private void line(List<String> cells) {
        text.append('|');
        cells.forEach(cell -> text.append(' ').append(cell.replace("|", "\\|")).append(" |"));
        text.append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
