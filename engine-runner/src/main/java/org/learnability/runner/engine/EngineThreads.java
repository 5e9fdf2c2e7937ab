package org.learnability.runner.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's thread counts: asked for before the engine loads ({@link ThreadRequest}, applied by
 * {@link EngineBootstrap}), read back after.
 *
 * <p>PyTorch reads DJL's system properties {@value ThreadRequest#PYTORCH_THREADS} (intra-op, {@code
 * at::set_num_threads}) and {@value ThreadRequest#PYTORCH_INTEROP_THREADS} (inter-op) when its
 * engine loads ({@code PtEngine.newInstance}); the effective values are read back from the engine.
 * MXNet takes its threads from environment variables read by its native library ({@code
 * OMP_NUM_THREADS} for the operators, {@code MXNET_CPU_WORKER_NTHREADS} for its engine's workers,
 * default 1), which a running JVM cannot set: export them before starting Java. For MXNet the
 * values reported are what MXNet makes of them ({@link MxnetThreads}: half the processors on x86
 * when {@code OMP_NUM_THREADS} is unset).
 *
 * @param intraOp the operator threads in effect, -1 if unknown
 * @param interOp the inter-op (PyTorch) or worker (MXNet) threads in effect, -1 if unknown
 * @param source where the values come from, e.g. {@code ai.djl.pytorch.num_threads}
 * @param warnings requests that could not be applied, and threads left idle, one line each
 */
public record EngineThreads(int intraOp, int interOp, String source, List<String> warnings) {

    /** Copies the warnings. */
    public EngineThreads {
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads the thread counts in effect on a loaded engine, and applies what can still be applied:
     * PyTorch's intra-op count can change at any time, its inter-op count only before first use.
     *
     * @param engine the loaded engine
     * @param request the threads asked for
     * @param env the environment
     * @return the counts in effect
     */
    public static EngineThreads effective(
            Engine engine, ThreadRequest request, Map<String, String> env) {
        return switch (EngineFamily.of(engine)) {
            case PYTORCH -> pytorch(request);
            case MXNET -> mxnet(request, env);
            case OTHER -> other(engine, request);
        };
    }

    private static EngineThreads pytorch(ThreadRequest request) {
        List<String> warnings = new ArrayList<>();
        if (request.intraOp() > 0 && JniUtils.getNumThreads() != request.intraOp()) {
            JniUtils.setNumThreads(request.intraOp());
        }
        int inter = JniUtils.getNumInteropThreads();
        if (request.interOp() > 0 && inter != request.interOp()) {
            warnings.add(
                    "warning: PyTorch runs "
                            + inter
                            + " inter-op threads, not "
                            + request.interOp()
                            + ": the engine had loaded before --interop-threads could apply");
        }
        return new EngineThreads(
                JniUtils.getNumThreads(),
                inter,
                ThreadRequest.PYTORCH_THREADS + ", " + ThreadRequest.PYTORCH_INTEROP_THREADS,
                warnings);
    }

    private static EngineThreads mxnet(ThreadRequest request, Map<String, String> env) {
        List<String> warnings = new ArrayList<>();
        MxnetThreads mxnet =
                MxnetThreads.of(
                        env,
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("os.arch", ""));
        int intra = mxnet.operatorThreads();
        int inter = mxnet.workerThreads();
        if (request.intraOp() > 0 && intra != request.intraOp()) {
            warnings.add(
                    "warning: MXNet runs "
                            + intra
                            + " operator threads ("
                            + mxnet.operatorSource()
                            + "), not "
                            + request.intraOp()
                            + "; a running JVM cannot change that: export OMP_NUM_THREADS="
                            + request.intraOp()
                            + " before starting it");
        } else if (request.intraOp() <= 0) {
            mxnet.warning().ifPresent(warnings::add);
        }
        if (request.interOp() > 0 && inter != request.interOp()) {
            warnings.add(
                    "warning: MXNet runs "
                            + inter
                            + " worker threads, not "
                            + request.interOp()
                            + "; export MXNET_CPU_WORKER_NTHREADS="
                            + request.interOp()
                            + " before starting the JVM");
        }
        return new EngineThreads(intra, inter, mxnet.source(), warnings);
    }

    private static EngineThreads other(Engine engine, ThreadRequest request) {
        List<String> warnings = new ArrayList<>();
        if (request.intraOp() > 0 || request.interOp() > 0) {
            warnings.add(
                    "warning: thread counts cannot be set on the "
                            + engine.getEngineName()
                            + " engine; ignored");
        }
        return new EngineThreads(-1, -1, "unknown for " + engine.getEngineName(), warnings);
    }
}
