package org.learnability.experiments.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: {@code VmRSS}
 * (now) and {@code VmHWM} (the peak, the "high water mark"). Writing {@code 5} to {@code
 * /proc/self/clear_refs} resets the peak to the current size (Linux 4.0 and later), so that a peak
 * read later covers only what ran since. Elsewhere the values are unknown (-1).
 */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {}

    /** Returns the resident memory now, in MiB, or -1 if unknown. */
    static double residentMiB() {
        return read("VmRSS:");
    }

    /** Returns the peak resident memory, in MiB, or -1 if unknown. */
    static double peakResidentMiB() {
        return read("VmHWM:");
    }

    /**
     * Resets the peak to the resident memory now.
     *
     * @return true if the kernel took it
     */
    static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static double read(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0; // kB
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
