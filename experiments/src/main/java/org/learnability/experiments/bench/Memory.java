package org.learnability.experiments.bench;

import com.google.gson.JsonObject;

/**
 * The process's resident memory while measuring ({@link ProcessMemory}), the peak having been reset
 * after the warm-up; -1 where unknown.
 *
 * @param peakRssMiBAfterFirst peak resident memory (VmHWM) after the first measured round
 * @param peakRssMiBAfterLast peak resident memory after the last measured round
 * @param rssMiBAfterFirst resident memory (VmRSS) after the first measured round
 * @param rssMiBAfterLast resident memory after the last measured round
 */
public record Memory(
        double peakRssMiBAfterFirst,
        double peakRssMiBAfterLast,
        double rssMiBAfterFirst,
        double rssMiBAfterLast) {

    /** Returns the growth of the peak resident memory from the first to the last measured round. */
    public double peakGrowth() {
        return peakRssMiBAfterFirst > 0
                ? peakRssMiBAfterLast / peakRssMiBAfterFirst - 1
                : Double.NaN;
    }

    /** Adds this part's keys to a result's JSON. */
    void write(JsonObject o) {
        o.addProperty("peakRssMiBAfterFirst", BenchResult.round(peakRssMiBAfterFirst, 1));
        o.addProperty("peakRssMiBAfterLast", BenchResult.round(peakRssMiBAfterLast, 1));
        o.addProperty("peakRssGrowth", BenchResult.round(peakGrowth(), 4));
        o.addProperty("rssMiBAfterFirst", BenchResult.round(rssMiBAfterFirst, 1));
        o.addProperty("rssMiBAfterLast", BenchResult.round(rssMiBAfterLast, 1));
    }
}
