package org.learnability.cluster.spark;

import org.apache.spark.api.java.JavaSparkContext;

/** A started Spark: the driver's context, and the embedded cluster under it, if any. */
public final class RunningSpark implements AutoCloseable {

    private final JavaSparkContext context;
    private final EmbeddedCluster cluster;

    RunningSpark(JavaSparkContext context, EmbeddedCluster cluster) {
        this.context = context;
        this.cluster = cluster;
    }

    /**
     * Returns the driver's context.
     *
     * @return the context
     */
    public JavaSparkContext context() {
        return context;
    }

    /** Stops the context, then the embedded cluster. */
    @Override
    public void close() {
        try {
            context.close();
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
