package org.learnability.cluster.spark;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver's Spark context, created with a failure in one line naming the master; a standalone
 * master's given a bounded time to register the application.
 */
final class DriverContext {

    /**
     * How long a standalone master may take to register the application: a real one takes about a
     * second; an address that accepts connections but is no Spark master would keep Spark trying
     * for a minute (three attempts of 20 s, fixed in Spark).
     */
    static final int REGISTRATION_SECONDS = 15;

    private DriverContext() {}

    /**
     * Creates the driver's context.
     *
     * @param master the master URL as given, for messages and for the bounded wait of {@code
     *     spark://}
     * @param conf Spark's configuration, with the master to connect to
     * @return the context
     * @throws IllegalArgumentException in one line naming the master when Spark does not start
     */
    static JavaSparkContext create(String master, SparkConf conf) {
        return master.startsWith("spark://") ? registered(master, conf) : context(master, conf);
    }

    /** Creates the driver's context, a failure in one line. */
    private static JavaSparkContext context(String master, SparkConf conf) {
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // Spark's own exceptions are checked ones, undeclared
            throw notStarted(master, e);
        }
    }

    /** Creates the context of a standalone master, waiting a bounded time for it to register. */
    private static JavaSparkContext registered(String master, SparkConf conf) {
        ExecutorService starter =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread thread = new Thread(r, "learnability-spark-start");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            return starter.submit(() -> context(master, conf))
                    .get(REGISTRATION_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw MasterUrl.invalid(
                    master,
                    "no Spark master took the application within "
                            + REGISTRATION_SECONDS
                            + " s; the address accepts connections, but is it a Spark master's"
                            + " (port 7077 by default)?");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : notStarted(master, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStarted(master, e);
        } finally {
            starter.shutdownNow();
        }
    }

    private static IllegalArgumentException notStarted(String master, Throwable e) {
        String message =
                e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return new IllegalArgumentException(
                "--master "
                        + master
                        + ": Spark did not start ("
                        + e.getClass().getSimpleName()
                        + (message.isBlank() ? "" : ": " + message.trim())
                        + ")",
                e);
    }
}
