package org.learnability.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MallocTuningTest {

    private static final int BUFFER = 8 << 20;
    private static final int PAGES = BUFFER / 4096;
    private static final int ROUNDS = 10;

    private static Properties property(String value) {
        Properties p = new Properties();
        p.setProperty(MallocTuning.PROPERTY, value);
        return p;
    }

    @Test
    void defaultLeavesTheCLibraryAlone() {
        MallocTuning t = MallocTuning.resolve(property("default"));
        assertFalse(t.applied());
        assertEquals("C library defaults (learnability.malloc=default)", t.description());
    }

    @Test
    void anotherValueIsRefusedNamingTheProperty() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MallocTuning.resolve(property("fast")));
        assertEquals("learnability.malloc is 'fast'; expected tuned or default", e.getMessage());
    }

    @Test
    void tunedKeepsFreedBuffersForTheNextBatch() throws IOException {
        assumeTrue(Platform.isLinux(), "mallopt(3) is glibc's");
        Function mallopt =
                NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("mallopt");
        // glibc's starting values, held fixed: an 8 MiB buffer is mmapped and unmapped every time,
        // so each round faults all its pages in again.
        mallopt.invokeInt(new Object[] {MallocTuning.M_MMAP_THRESHOLD, 128 << 10});
        mallopt.invokeInt(new Object[] {MallocTuning.M_TRIM_THRESHOLD, 128 << 10});
        mallopt.invokeInt(new Object[] {MallocTuning.M_TOP_PAD, 0});
        long untuned = pageFaults(ROUNDS);

        MallocTuning t = MallocTuning.resolve(property("tuned"));
        assertTrue(t.applied(), t.description());
        assertTrue(
                t.description()
                        .matches(
                                "glibc [0-9.]+ malloc tuned: mmap threshold 32 MiB, trim threshold 1 GiB,"
                                        + " top pad 256 MiB"),
                t.description());
        pageFaults(1); // the first buffer comes from the kernel either way
        long tuned = pageFaults(ROUNDS);

        assertTrue(
                untuned >= ROUNDS * PAGES * 9 / 10,
                "untuned: " + untuned + " faults in " + ROUNDS + " rounds");
        assertTrue(tuned < PAGES / 2, "tuned: " + tuned + " faults in " + ROUNDS + " rounds");
    }

    /** Minor page faults of this thread while it allocates, writes and frees an 8 MiB buffer. */
    private static long pageFaults(int rounds) throws IOException {
        long before = minorFaults();
        for (int i = 0; i < rounds; i++) {
            long peer = Native.malloc(BUFFER);
            new Pointer(peer).setMemory(0, BUFFER, (byte) 1);
            Native.free(peer);
        }
        return minorFaults() - before;
    }

    /**
     * Field 10 (minflt) of /proc/thread-self/stat; the fields after the command name start at 3.
     */
    private static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[10 - 3]);
    }
}
