package org.learnability.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A benchmark's result as a table of two columns, what and value, as {@code bench} prints it. */
final class BenchTable {

    private BenchTable() {}

    /**
     * Returns the table's lines.
     *
     * @param result the result
     * @return a line per part of it
     */
    static List<String> lines(BenchResult result) {
        Machine m = result.machine();
        Workload w = result.workload();
        TrainingRate t = result.training();
        ScoringRate s = result.scoring();
        Memory memory = result.memory();
        String round = t.roundKind();
        List<String[]> rows = new ArrayList<>();
        rows.add(
                row(
                        "model",
                        "%s on %s, %s training images%s, batch %d",
                        w.model(),
                        w.dataset(),
                        f0(w.trainImages()),
                        w.augment() ? " (augmented)" : "",
                        w.batchSize()));
        rows.add(row("recipe", "%s", w.training()));
        rows.add(
                row(
                        "engine",
                        "%s %s (DJL %s, Java %s)",
                        m.engine(),
                        m.engineVersion(),
                        m.frameworkVersion(),
                        m.runtime()));
        rows.add(
                row(
                        "threads",
                        "%d intra-op, %d inter-op (%s)",
                        m.threads(),
                        m.interopThreads(),
                        m.threadsSource()));
        rows.add(row("allocator", "%s", m.allocator()));
        rows.add(
                row(
                        "measured",
                        "%d %ss, %s batches, %s images in %s s, after %d warm-up batches",
                        t.rounds(),
                        round,
                        f0(t.measuredBatches()),
                        f0(t.measuredImages()),
                        f(t.measuredSeconds(), 1),
                        w.warmupBatches()));
        rows.add(
                row(
                        "training",
                        "%s images/s median, min %s, max %s over %ss; %s overall",
                        f0(t.train().median()),
                        f0(t.train().min()),
                        f0(t.train().max()),
                        round,
                        f0(t.imagesPerSecond())));
        rows.add(
                row(
                        "scoring",
                        "%s images/s (%s test images, batch %d): %sx training; test accuracy %s",
                        f0(s.imagesPerSecond()),
                        f0(w.testImages()),
                        s.batchSize(),
                        f(result.scoreToTrainRatio(), 2),
                        f(s.testAccuracy(), 4)));
        rows.add(
                row(
                        "data / compute",
                        "%s%% / %s%% of training time (%s)",
                        f(100 * t.dataShare(), 2),
                        f(100 * (1 - t.dataShare()), 2),
                        t.dataTiming()));
        rows.add(
                row(
                        "peak RSS",
                        "%s MiB after %s 1, %s MiB after %s %d (%s); RSS %s -> %s MiB",
                        f0(memory.peakRssMiBAfterFirst()),
                        round,
                        f0(memory.peakRssMiBAfterLast()),
                        round,
                        t.rounds(),
                        signedPercent(memory.peakGrowth()),
                        f0(memory.rssMiBAfterFirst()),
                        f0(memory.rssMiBAfterLast())));
        rows.add(
                row(
                        "CPU",
                        "%s cores busy while measuring; load average %s at start",
                        f(t.cpuCoresUsed(), 2),
                        f(m.loadAverage(), 2)));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        return rows.stream()
                .map(r -> String.format(Locale.ROOT, "%-" + width + "s  %s", r[0], r[1]))
                .toList();
    }

    private static String[] row(String what, String format, Object... values) {
        return new String[] {what, String.format(Locale.ROOT, format, values)};
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f(double value, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private static String signedPercent(double fraction) {
        return Double.isNaN(fraction)
                ? "growth unknown"
                : String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }
}
