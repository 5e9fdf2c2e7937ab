package org.learnability.runner.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns off autograd recording on the calling thread outside DJL's gradient collectors, as DJL's
 * PyTorch engine does on the one thread that loads it. libtorch keeps its grad mode per thread, on
 * by default, so on any other thread (a Spark executor's, a pool's) an optimizer written with
 * NDArray operations that updates a parameter in place fails with "a leaf Variable that requires
 * grad is being used in an in-place operation", and forward passes outside training record graphs
 * nobody reads. A gradient collector turns it on for its scope and puts back what it found. Other
 * engines have no such mode: for them this does nothing.
 */
public final class GradMode implements AutoCloseable {

    /** Whether {@link #off} turned recording off, so that {@link #close} turns it back on. */
    private final boolean turnedOff;

    private GradMode(boolean turnedOff) {
        this.turnedOff = turnedOff;
    }

    /**
     * Turns recording off on the calling thread until {@link #close()}.
     *
     * @param engine the engine the thread computes with
     * @return the scope, which puts the thread's mode back as it found it
     */
    public static GradMode off(Engine engine) {
        if (EngineFamily.of(engine) != EngineFamily.PYTORCH || !JniUtils.isGradMode()) {
            return new GradMode(false);
        }
        JniUtils.setGradMode(false);
        return new GradMode(true);
    }

    /** Puts back the thread's mode as {@link #off(Engine)} found it. */
    @Override
    public void close() {
        if (turnedOff) {
            JniUtils.setGradMode(true);
        }
    }
}
