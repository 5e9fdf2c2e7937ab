package org.learnability.runner.engine;

import java.util.Properties;

/**
 * The engine threads a command asks for. They must be requested before the engine loads: PyTorch
 * reads DJL's properties {@value #PYTORCH_THREADS} and {@value #PYTORCH_INTEROP_THREADS} once, when
 * its engine starts; MXNet reads its environment when its library loads ({@link EngineThreads}).
 *
 * @param intraOp intra-op (operator) threads, or 0 for the engine's default
 * @param interOp inter-op (PyTorch) or worker (MXNet) threads, or 0 for the engine's default
 */
public record ThreadRequest(int intraOp, int interOp) {

    /** DJL's system property for PyTorch's intra-op threads. */
    public static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";

    /** DJL's system property for PyTorch's inter-op threads. */
    public static final String PYTORCH_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    /** The engines' defaults. */
    public static final ThreadRequest DEFAULTS = new ThreadRequest(0, 0);

    /** Validates the counts. */
    public ThreadRequest {
        if (intraOp < 0 || interOp < 0) {
            throw new IllegalArgumentException(
                    "thread counts "
                            + intraOp
                            + " and "
                            + interOp
                            + " are negative; expected 0 (the engine's default) or more");
        }
    }

    /**
     * Sets DJL's PyTorch properties for the counts asked for; they apply if the PyTorch engine has
     * not loaded yet.
     *
     * @param properties the system properties
     */
    void applyTo(Properties properties) {
        if (intraOp > 0) {
            properties.setProperty(PYTORCH_THREADS, Integer.toString(intraOp));
        }
        if (interOp > 0) {
            properties.setProperty(PYTORCH_INTEROP_THREADS, Integer.toString(interOp));
        }
    }
}
