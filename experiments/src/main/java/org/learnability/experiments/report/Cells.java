package org.learnability.experiments.report;

import java.util.Locale;
import java.util.function.Function;
import org.learnability.experiments.stats.Measure;
import org.learnability.experiments.stats.SeedStatistics;

/**
 * How the report writes a figure in a table cell: intervals, scores, variances, changes, p-values.
 */
final class Cells {

    private Cells() {}

    /** {@code mean [low, high]} in the measure's format; {@code [n/a]} without an interval. */
    static String interval(Measure m, SeedStatistics s) {
        Function<Double, String> f =
                switch (m) {
                    case D, VARIANCE -> Cells::small;
                    case DELTA_ACCURACY, SD_REDUCTION, DELTA_SD_PER_ERROR -> Cells::signed;
                    default -> Cells::score;
                };
        String ci =
                s.hasInterval()
                        ? "[" + f.apply(s.ciLow()) + ", " + f.apply(s.ciHigh()) + "]"
                        : "[n/a]";
        return f.apply(s.mean()) + " " + ci;
    }

    /** A score in [0, 1]: four decimals. */
    static String score(double v) {
        return format("%.4f", v);
    }

    /** A variance or D: three significant digits. */
    static String small(double v) {
        return v == 0.0 ? "0" : format("%.3g", v);
    }

    /** A change: four decimals with its sign. */
    static String signed(double v) {
        return format("%+.4f", v);
    }

    /** A p-value: three decimals, {@code < 0.001} below. */
    static String p(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v < 0.001 ? "< 0.001" : format("%.3f", v);
    }

    static String format(String pattern, double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, pattern, v);
    }

    static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }
}
