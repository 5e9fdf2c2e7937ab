package org.learnability.experiments.bench;

import com.google.gson.JsonObject;

/**
 * Who trained, and on what: the runner, the engine and the software around it, its threads, the C
 * allocator and how busy the machine was.
 *
 * @param runner who trained: {@value BenchResult#RUNNER} (this command) or {@code plain-pytorch}
 * @param engine the DJL engine, e.g. {@code PyTorch}
 * @param engineVersion the engine's version, e.g. {@code 2.7.1}
 * @param frameworkVersion DJL's version
 * @param runtime the Java version
 * @param threads the engine's intra-op threads in effect
 * @param interopThreads the engine's inter-op (PyTorch) or worker (MXNet) threads in effect
 * @param threadsSource where the thread counts come from
 * @param allocator the C allocator's settings in effect (see {@code MallocTuning})
 * @param loadAverage the machine's 1-minute load average when the run started
 */
public record Machine(
        String runner,
        String engine,
        String engineVersion,
        String frameworkVersion,
        String runtime,
        int threads,
        int interopThreads,
        String threadsSource,
        String allocator,
        double loadAverage) {

    /** Adds this part's keys to a result's JSON. */
    void write(JsonObject o) {
        o.addProperty("runner", runner);
        o.addProperty("engine", engine);
        o.addProperty("engineVersion", engineVersion);
        o.addProperty("frameworkVersion", frameworkVersion);
        o.addProperty("runtime", runtime);
        o.addProperty("threads", threads);
        o.addProperty("interopThreads", interopThreads);
        o.addProperty("threadsSource", threadsSource);
        o.addProperty("allocator", allocator);
        o.addProperty("loadAverage", BenchResult.round(loadAverage, 2));
    }
}
