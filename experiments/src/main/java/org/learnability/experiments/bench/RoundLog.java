package org.learnability.experiments.bench;

import ai.djl.Model;
import java.io.PrintWriter;
import java.util.Locale;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.training.EpochHook;

/**
 * Ends every round of a benchmark, resets the memory peak after the warm-up, keeps the memory after
 * the first and the last measured round, and prints a line per round.
 */
final class RoundLog implements EpochHook {
    private final TimedBatchSource source;
    private final BenchSpec spec;
    private final PrintWriter progress;
    private double peakAfterFirst = -1;
    private double peakAfterLast = -1;
    private double residentAfterFirst = -1;
    private double residentAfterLast = -1;

    RoundLog(TimedBatchSource source, BenchSpec spec, PrintWriter progress) {
        this.source = source;
        this.spec = spec;
        this.progress = progress;
    }

    /** Returns the memory after the first and the last measured round, -1 before them. */
    Memory memory() {
        return new Memory(peakAfterFirst, peakAfterLast, residentAfterFirst, residentAfterLast);
    }

    @Override
    public ClassWeights afterEpoch(int epoch, Model model, ClassWeights current) {
        TimedBatchSource.Round round = source.endRound(epoch);
        if (round.warmup()) {
            ProcessMemory.resetPeak();
            progress.printf(
                    Locale.ROOT,
                    "warm-up: %d batches in %.1f s%n",
                    round.batches(),
                    round.seconds());
        } else {
            int measured = epoch - source.warmupRounds() + 1;
            double peak = ProcessMemory.peakResidentMiB();
            double resident = ProcessMemory.residentMiB();
            if (measured == 1) {
                peakAfterFirst = peak;
                residentAfterFirst = resident;
            }
            peakAfterLast = peak;
            residentAfterLast = resident;
            progress.printf(
                    Locale.ROOT,
                    "%s %d/%d: %,.0f images/s, data %.2f%%, peak RSS %,.0f MiB%n",
                    spec.measuresBatches() ? "chunk" : "epoch",
                    measured,
                    spec.measuredRounds(),
                    round.images() / round.seconds(),
                    100 * round.dataSeconds() / round.seconds(),
                    peak);
        }
        progress.flush();
        return current;
    }
}
