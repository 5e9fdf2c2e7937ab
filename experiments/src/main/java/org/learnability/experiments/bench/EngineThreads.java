package org.learnability.experiments.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.learnability.runner.engine.MxnetThreads;

/**
 * The engine's thread counts: asked for before the engine loads, read back after.
 *
 * <p>PyTorch reads DJL's system properties {@value #PYTORCH_THREADS} (intra-op, {@code
 * at::set_num_threads}) and {@value #PYTORCH_INTEROP_THREADS} (inter-op) when its engine loads
 * ({@code PtEngine.newInstance}); the effective values are read back from the engine. MXNet takes
 * its threads from environment variables read by its native library ({@code OMP_NUM_THREADS} for
 * the operators, {@code MXNET_CPU_WORKER_NTHREADS} for its engine's workers, default 1), which a
 * running JVM cannot set: export them before starting Java. For MXNet the values reported are what
 * MXNet makes of them ({@link MxnetThreads}: half the processors on x86 when {@code
 * OMP_NUM_THREADS} is unset).
 *
 * @param intraOp the operator threads in effect
 * @param interOp the inter-op (PyTorch) or worker (MXNet) threads in effect
 * @param source where the values come from, e.g. {@code ai.djl.pytorch.num_threads}
 * @param warnings requests that could not be applied, one line each
 */
record EngineThreads(int intraOp, int interOp, String source, List<String> warnings) {

    /** DJL's system property for PyTorch's intra-op threads. */
    static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";

    /** DJL's system property for PyTorch's inter-op threads. */
    static final String PYTORCH_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    /** Copies the warnings. */
    EngineThreads {
        warnings = List.copyOf(warnings);
    }

    /**
     * Asks for thread counts: sets DJL's PyTorch properties, which apply if the PyTorch engine has
     * not loaded yet. Call it before anything loads an engine.
     *
     * @param intraOp intra-op threads, or 0 to leave the engine's default
     * @param interOp inter-op threads, or 0 to leave the engine's default
     */
    static void request(int intraOp, int interOp) {
        if (intraOp > 0) {
            System.setProperty(PYTORCH_THREADS, Integer.toString(intraOp));
        }
        if (interOp > 0) {
            System.setProperty(PYTORCH_INTEROP_THREADS, Integer.toString(interOp));
        }
    }

    /**
     * Reads the thread counts in effect on a loaded engine, and applies what can still be applied:
     * PyTorch's intra-op count can change at any time, its inter-op count only before first use.
     *
     * @param engine the loaded engine
     * @param intraOp the intra-op threads asked for, or 0
     * @param interOp the inter-op threads asked for, or 0
     * @param env the environment
     * @return the counts in effect
     */
    static EngineThreads effective(
            Engine engine, int intraOp, int interOp, Map<String, String> env) {
        List<String> warnings = new ArrayList<>();
        if ("PyTorch".equals(engine.getEngineName())) {
            if (intraOp > 0 && JniUtils.getNumThreads() != intraOp) {
                JniUtils.setNumThreads(intraOp);
            }
            int inter = JniUtils.getNumInteropThreads();
            if (interOp > 0 && inter != interOp) {
                warnings.add(
                        "warning: PyTorch runs "
                                + inter
                                + " inter-op threads, not "
                                + interOp
                                + ": the engine had loaded before --interop-threads could apply");
            }
            return new EngineThreads(
                    JniUtils.getNumThreads(),
                    inter,
                    PYTORCH_THREADS + ", " + PYTORCH_INTEROP_THREADS,
                    warnings);
        }
        if ("MXNet".equals(engine.getEngineName())) {
            MxnetThreads mxnet =
                    MxnetThreads.of(
                            env,
                            Runtime.getRuntime().availableProcessors(),
                            System.getProperty("os.arch", ""));
            int intra = mxnet.operatorThreads();
            int inter = mxnet.workerThreads();
            if (intraOp > 0 && intra != intraOp) {
                warnings.add(
                        "warning: MXNet runs "
                                + intra
                                + " operator threads ("
                                + mxnet.operatorSource()
                                + "), not "
                                + intraOp
                                + "; a running JVM cannot change that: export OMP_NUM_THREADS="
                                + intraOp
                                + " before starting it");
            } else if (intraOp <= 0) {
                mxnet.warning().ifPresent(warnings::add);
            }
            if (interOp > 0 && inter != interOp) {
                warnings.add(
                        "warning: MXNet runs "
                                + inter
                                + " worker threads, not "
                                + interOp
                                + "; export MXNET_CPU_WORKER_NTHREADS="
                                + interOp
                                + " before starting the JVM");
            }
            return new EngineThreads(intra, inter, mxnet.source(), warnings);
        }
        if (intraOp > 0 || interOp > 0) {
            warnings.add(
                    "warning: thread counts cannot be set on the "
                            + engine.getEngineName()
                            + " engine; ignored");
        }
        return new EngineThreads(-1, -1, "unknown for " + engine.getEngineName(), warnings);
    }
}
