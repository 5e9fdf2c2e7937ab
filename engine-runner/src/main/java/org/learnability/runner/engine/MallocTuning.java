package org.learnability.runner.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Locale;
import java.util.Properties;

/**
 * Keeps glibc's {@code malloc} from giving the engine's tensor memory back to the kernel after
 * every batch, so that training does not page-fault its activations in again each step.
 *
 * <p>Both engines allocate their CPU tensors with {@code malloc}. A training step allocates and
 * frees dozens of buffers of several MiB (activations, gradients); with glibc's defaults such
 * buffers are served by fresh {@code mmap}s (above the mmap threshold, 128 KiB at first) or handed
 * back by trimming the heap (above the trim threshold), and the kernel zeroes every page again when
 * the next batch touches it. {@link #apply()} sets, through {@code mallopt(3)}:
 *
 * <pre>
 *   M_MMAP_THRESHOLD = 32 MiB   (the largest glibc accepts on 64-bit; also ends its dynamic threshold)
 *   M_TRIM_THRESHOLD = 1 GiB    (freed memory stays in the process for the next batch)
 *   M_TOP_PAD        = 256 MiB  (a heap grows in large steps)
 * </pre>
 *
 * This is what {@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_} and {@code
 * MALLOC_TOP_PAD_} do from the environment, applied inside the JVM so that it also holds under
 * {@code mvn exec:java}. Measured in BENCHMARKS.md (2 cores, batch 128, medians over sittings):
 * training 22% faster for {@code resnet-peifer} and 9% for {@code cnn-small} on PyTorch, 6% for
 * {@code cnn-small} on MXNet, with a quarter to a third of the page faults; the process keeps its
 * peak memory instead of returning it between batches.
 *
 * <p>System property {@value #PROPERTY}: {@code tuned} (default) or {@code default} (leave the C
 * library alone). Off Linux, or with a C library without glibc's {@code mallopt}, nothing changes.
 *
 * @param applied whether the settings are in effect
 * @param description what is in effect, for logs and benchmark reports
 */
public record MallocTuning(boolean applied, String description) {

    /** The system property that turns the tuning off: {@code -Dlearnability.malloc=default}. */
    public static final String PROPERTY = "learnability.malloc";

    /** The property's value that tunes (the default). */
    public static final String TUNED = "tuned";

    /** The property's value that leaves the C library's defaults. */
    public static final String DEFAULT = "default";

    // mallopt(3) parameters, from glibc's <malloc.h>.
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_TOP_PAD = -2;
    static final int M_MMAP_THRESHOLD = -3;

    static final int MMAP_THRESHOLD = 32 << 20;
    static final int TRIM_THRESHOLD = 1 << 30;
    static final int TOP_PAD = 256 << 20;

    /**
     * Applies the tuning unless the system property {@value #PROPERTY} says {@value #DEFAULT}.
     *
     * @return what is in effect
     * @throws IllegalArgumentException if the property has another value
     */
    public static MallocTuning fromSystem() {
        return resolve(System.getProperties());
    }

    /**
     * Applies the tuning unless {@value #PROPERTY} in the given properties says {@value #DEFAULT}.
     *
     * @param properties where to read {@value #PROPERTY}
     * @return what is in effect
     * @throws IllegalArgumentException if the property has another value
     */
    static MallocTuning resolve(Properties properties) {
        String given = properties.getProperty(PROPERTY, TUNED);
        return switch (given.trim().toLowerCase(Locale.ROOT)) {
            case TUNED -> apply();
            case DEFAULT ->
                    new MallocTuning(
                            false, "C library defaults (" + PROPERTY + "=" + DEFAULT + ")");
            default ->
                    throw new IllegalArgumentException(
                            PROPERTY + " is '" + given + "'; expected " + TUNED + " or " + DEFAULT);
        };
    }

    /**
     * Sets glibc's mmap threshold, trim threshold and top pad (see the class comment). Idempotent.
     *
     * @return what is in effect
     */
    public static MallocTuning apply() {
        if (!Platform.isLinux()) {
            return new MallocTuning(false, "C library defaults (not Linux)");
        }
        NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
        Function mallopt;
        Function version;
        try {
            mallopt = libc.getFunction("mallopt");
            version = libc.getFunction("gnu_get_libc_version");
        } catch (UnsatisfiedLinkError e) {
            return new MallocTuning(false, "C library defaults (not glibc)");
        }
        boolean applied =
                set(mallopt, M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                        & set(mallopt, M_TRIM_THRESHOLD, TRIM_THRESHOLD)
                        & set(mallopt, M_TOP_PAD, TOP_PAD);
        String glibc = "glibc " + version.invokeString(new Object[0], false);
        return applied
                ? new MallocTuning(
                        true,
                        glibc
                                + " malloc tuned: mmap threshold "
                                + mib(MMAP_THRESHOLD)
                                + ", trim threshold "
                                + mib(TRIM_THRESHOLD)
                                + ", top pad "
                                + mib(TOP_PAD))
                : new MallocTuning(
                        false,
                        glibc + " refused the malloc tuning; its defaults (partly) in effect");
    }

    private static boolean set(Function mallopt, int parameter, int value) {
        return mallopt.invokeInt(new Object[] {parameter, value}) == 1;
    }

    private static String mib(int bytes) {
        return bytes >= 1 << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }
}
