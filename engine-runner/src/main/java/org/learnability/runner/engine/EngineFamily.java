package org.learnability.runner.engine;

import ai.djl.engine.Engine;

/**
 * The DJL engines Learnability knows the specifics of (threads, warnings). This is the one place
 * where an engine is recognised by its name; everything else asks it.
 */
public enum EngineFamily {
    /** DJL's PyTorch engine (libtorch). */
    PYTORCH("PyTorch"),
    /** DJL's MXNet engine. */
    MXNET("MXNet"),
    /** Any other engine: no specifics known. */
    OTHER("");

    private final String djlName;

    EngineFamily(String djlName) {
        this.djlName = djlName;
    }

    /**
     * Returns the family of an engine.
     *
     * @param engine the engine
     * @return its family
     */
    public static EngineFamily of(Engine engine) {
        return of(engine.getEngineName());
    }

    /**
     * Returns the family of an engine name.
     *
     * @param engineName DJL's name of the engine, e.g. {@code PyTorch}
     * @return its family, {@link #OTHER} if unknown
     */
    public static EngineFamily of(String engineName) {
        for (EngineFamily family : values()) {
            if (family != OTHER && family.djlName.equals(engineName)) {
                return family;
            }
        }
        return OTHER;
    }

    /**
     * Returns DJL's name of the engine.
     *
     * @return e.g. {@code PyTorch}; empty for {@link #OTHER}
     */
    public String djlName() {
        return djlName;
    }
}
