package org.learnability.runner.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The threads MXNet's native library runs. It reads them from the environment when it loads, so a
 * running JVM cannot change them:
 *
 * <pre>
 *   operator threads = OMP_NUM_THREADS                          if set
 *                    = min(MXNET_OMP_MAX_THREADS, processors)   else, if that is set
 *                    = processors / 2 (at least 1) on x86       else (MXNet assumes hyper-threading)
 *                    = processors                               elsewhere
 *   worker threads   = MXNET_CPU_WORKER_NTHREADS                if set, else 1
 * </pre>
 *
 * Source: MXNet 1.9, {@code src/engine/openmp.cc} ({@code OpenMP::OpenMP}) and its environment
 * variable documentation ({@code env_var.md}). On a 2-core x86 machine an unset {@code
 * OMP_NUM_THREADS} therefore means one operator thread: {@code learnability bench} measured 683
 * images/s and 1.21 cores busy for {@code cnn-small} against about 1,100 and 1.75 with {@code
 * OMP_NUM_THREADS=2}.
 *
 * @param operatorThreads MXNet's OpenMP threads for its operators
 * @param operatorSource where that count comes from, e.g. {@code OMP_NUM_THREADS=2}
 * @param workerThreads MXNet's engine worker threads on the CPU
 * @param workerSource where that count comes from
 * @param processors the processors the JVM sees
 * @param ompUnset whether {@code OMP_NUM_THREADS} is unset
 */
public record MxnetThreads(
        int operatorThreads,
        String operatorSource,
        int workerThreads,
        String workerSource,
        int processors,
        boolean ompUnset) {

    /** MXNet's operator threads. */
    public static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";

    /** MXNet's cap on its operator threads when {@value #OMP_NUM_THREADS} is unset. */
    public static final String MXNET_OMP_MAX_THREADS = "MXNET_OMP_MAX_THREADS";

    /** MXNet's CPU engine workers. */
    public static final String MXNET_CPU_WORKER_NTHREADS = "MXNET_CPU_WORKER_NTHREADS";

    /**
     * Returns the counts for this process's environment, processors and architecture.
     *
     * @return the counts
     */
    public static MxnetThreads fromSystem() {
        return of(
                System.getenv(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch", ""));
    }

    /**
     * Returns the counts MXNet takes from the given environment.
     *
     * @param env the environment
     * @param processors the processors
     * @param osArch the JVM's {@code os.arch}, e.g. {@code amd64}
     * @return the counts
     */
    public static MxnetThreads of(Map<String, String> env, int processors, String osArch) {
        Integer omp = positive(env.get(OMP_NUM_THREADS));
        Integer max = positive(env.get(MXNET_OMP_MAX_THREADS));
        Integer workers = positive(env.get(MXNET_CPU_WORKER_NTHREADS));
        int operators;
        String from;
        if (omp != null) {
            operators = omp;
            from = OMP_NUM_THREADS + "=" + omp;
        } else if (max != null) {
            operators = Math.min(max, processors);
            from = OMP_NUM_THREADS + " unset, " + MXNET_OMP_MAX_THREADS + "=" + max;
        } else if (isX86(osArch)) {
            operators = Math.max(1, processors / 2);
            from = OMP_NUM_THREADS + " unset: MXNet's default, half the processors on x86";
        } else {
            operators = processors;
            from = OMP_NUM_THREADS + " unset: MXNet's default, every processor";
        }
        String workerSource =
                workers == null
                        ? MXNET_CPU_WORKER_NTHREADS + " unset (1)"
                        : MXNET_CPU_WORKER_NTHREADS + "=" + workers;
        return new MxnetThreads(
                operators,
                from,
                workers == null ? 1 : workers,
                workerSource,
                processors,
                omp == null);
    }

    /**
     * Returns where both counts come from.
     *
     * @return e.g. {@code OMP_NUM_THREADS=2, MXNET_CPU_WORKER_NTHREADS unset (1)}
     */
    public String source() {
        return operatorSource + ", " + workerSource;
    }

    /**
     * Returns a one-line warning when {@value #OMP_NUM_THREADS} is unset and MXNet will therefore
     * leave processors idle.
     *
     * @return the warning, if any
     */
    public Optional<String> warning() {
        if (!ompUnset || operatorThreads >= processors) {
            return Optional.empty();
        }
        return Optional.of(
                String.format(
                        Locale.ROOT,
                        "warning: MXNet runs %d operator thread%s on %d processors (%s); export %s=%d before starting Java to use"
                                + " them all",
                        operatorThreads,
                        operatorThreads == 1 ? "" : "s",
                        processors,
                        operatorSource,
                        OMP_NUM_THREADS,
                        processors));
    }

    private static boolean isX86(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return arch.equals("amd64")
                || arch.equals("x86_64")
                || arch.equals("x86")
                || arch.matches("i[3-6]86");
    }

    private static Integer positive(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
