package org.learnability.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Where a grid's Spark runs: the master given ({@code spark://host:port}, {@code yarn}, {@code
 * k8s://...}, {@code local[...]}), else the one {@code spark-submit} gave (its {@code spark.master}
 * property), else an embedded Spark of N executor processes on this machine ({@code
 * local-cluster[N, t, memory]}, N = available processors / t threads per task), a failed task
 * attempt retried once.
 *
 * <p>Processes, not threads: DJL trains one batch at a time per process ({@code ModelTrainer}), so
 * in {@code local[N]} the tasks' batches take turns, while the embedded cluster's executors train
 * in parallel. They take the driver's class path and DJL's and Learnability's system properties.
 * Spark's worker finds its launcher through the environment variables {@code SPARK_HOME} (a
 * directory with a {@code jars/} folder, which may be empty) and {@code SPARK_SCALA_VERSION}, which
 * the cluster distribution's launcher sets; where they are not set, the embedded Spark is {@code
 * local[N, 2]}, with a warning. The embedded cluster ({@link EmbeddedCluster}) keeps its work files
 * in the grid's directory, never in {@code SPARK_HOME}, which may be read-only.
 *
 * <p>Nothing is written before Spark runs: the master is checked first ({@link #check}), and the
 * grid writes its plans only once the context has started ({@link #start}), which gives a
 * standalone master a bounded time to take the application.
 */
final class SparkStart {

    /**
     * The memory of each embedded worker, in MiB: its executor's JVM heap (1 GiB, Spark's default)
     * fits; tensors live outside the heap.
     */
    static final int WORKER_MEMORY_MB = 2048;

    /** How long a standalone master may take to accept a connection before it counts as gone. */
    static final int CONNECT_TIMEOUT_MILLIS = 3000;

    /**
     * How long a standalone master may take to register the application: a real one takes about a
     * second; an address that accepts connections but is no Spark master would keep Spark trying
     * for a minute (three attempts of 20 s, fixed in Spark).
     */
    static final int REGISTRATION_SECONDS = 15;

    /** The embedded Spark's work directory (its executors' logs), inside the grid's --out. */
    static final String WORK_DIR = "spark-work";

    private final String master;
    private final boolean embedded;
    private final int threadsPerTask;

    private SparkStart(String master, boolean embedded, int threadsPerTask) {
        this.master = master;
        this.embedded = embedded;
        this.threadsPerTask = threadsPerTask;
    }

    /**
     * Decides where Spark runs.
     *
     * @param given the {@code --master} option, if given
     * @param threadsPerTask the engine threads of each task
     * @return the decision
     */
    static SparkStart of(Optional<String> given, int threadsPerTask) {
        if (given.isPresent()) {
            return new SparkStart(given.get(), false, threadsPerTask);
        }
        String submitted = System.getProperty("spark.master");
        if (submitted != null && !submitted.isBlank()) {
            return new SparkStart(submitted, false, threadsPerTask);
        }
        int slots = Math.max(1, Runtime.getRuntime().availableProcessors() / threadsPerTask);
        if (!canLaunchExecutors(System.getenv())) {
            return new SparkStart("local[" + slots + ",2]", true, threadsPerTask);
        }
        return new SparkStart(
                "local-cluster[" + slots + "," + threadsPerTask + "," + WORKER_MEMORY_MB + "]",
                true,
                threadsPerTask);
    }

    /**
     * Tells whether Spark's worker can start executor processes: its launcher's variables are set.
     *
     * @param env the environment
     * @return {@code true} if {@code SPARK_HOME/jars} and {@code SPARK_SCALA_VERSION} are there
     */
    static boolean canLaunchExecutors(Map<String, String> env) {
        String home = env.get("SPARK_HOME");
        return home != null
                && env.get("SPARK_SCALA_VERSION") != null
                && Files.isDirectory(Path.of(home, "jars"));
    }

    /** Returns the master URL. */
    String master() {
        return master;
    }

    /**
     * Returns a warning when the embedded Spark runs several tasks in this one process.
     *
     * @return the warning, if any
     */
    Optional<String> warning() {
        return embedded && master.startsWith("local[") && !master.startsWith("local[1,")
                ? Optional.of(
                        "warning: Spark runs the grid's tasks in this one process ("
                                + master
                                + "), where DJL trains one batch at a time; start the grid through"
                                + " the cluster distribution's bin/learnability (it sets SPARK_HOME"
                                + " and SPARK_SCALA_VERSION) for a process per task")
                : Optional.empty();
    }

    /**
     * Checks a standalone master before anything is written or trained: one of its addresses must
     * accept a connection. Other masters are Spark's to reach.
     *
     * @throws IllegalArgumentException naming the master when none of its addresses answers
     */
    void check() {
        if (!master.startsWith("spark://")) {
            MasterUrl.check(master, System.getenv());
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String address : master.substring("spark://".length()).split(",")) {
            URI uri = URI.create("spark://" + address);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(
                        "--master "
                                + master
                                + ": '"
                                + address
                                + "' is not host:port; expected spark://host:port");
            }
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress(uri.getHost(), uri.getPort()),
                        CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(address + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException(
                "--master "
                        + master
                        + ": cannot connect to "
                        + String.join(", ", failures)
                        + "; is the Spark master running there?");
    }

    /**
     * Starts Spark: the embedded cluster, its work directory under the grid's directory, or the
     * driver's connection to the master, given a bounded time to take the application.
     *
     * @param tasks the tasks to come, for the application's name
     * @param out the grid's directory
     * @return the running Spark; the caller stops it
     * @throws IllegalArgumentException in one line naming the master when Spark does not start
     */
    Running start(int tasks, Path out) {
        SparkConf conf =
                new SparkConf()
                        .setMaster(master)
                        .setAppName("learnability grid (" + tasks + " tasks)")
                        .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (embedded) {
            conf.set("spark.ui.enabled", "false");
        }
        if (master.startsWith("local-cluster")) {
            conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            conf.set("spark.executor.extraJavaOptions", forwardedProperties());
            conf.set("spark.task.maxFailures", "2");
        }
        if (!master.startsWith("local[")) {
            // a task's threads are its cores; MXNet reads its threads from the environment
            conf.setIfMissing("spark.task.cpus", Integer.toString(threadsPerTask));
            conf.setIfMissing(
                    "spark.executorEnv.OMP_NUM_THREADS", Integer.toString(threadsPerTask));
        }
        EmbeddedCluster cluster = null;
        Path workDir = out.resolve(WORK_DIR);
        boolean hadWorkDir = Files.exists(workDir);
        try {
            if (master.startsWith("local-cluster")) {
                String[] sizes = master.replaceAll("[^0-9,]", "").split(",");
                cluster =
                        EmbeddedCluster.start(
                                Integer.parseInt(sizes[0]),
                                Integer.parseInt(sizes[1]),
                                Integer.parseInt(sizes[2]),
                                workDir,
                                conf);
                conf.setMaster(cluster.url());
            }
            return new Running(
                    master.startsWith("spark://") ? registered(conf) : context(conf), cluster);
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            if (!hadWorkDir && Files.exists(workDir)) {
                org.apache.spark.util.Utils.deleteRecursively(workDir.toFile());
            }
            throw e;
        }
    }

    /** Creates the driver's context, a failure in one line. */
    private JavaSparkContext context(SparkConf conf) {
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // Spark's own exceptions are checked ones, undeclared
            throw notStarted(e);
        }
    }

    /** Creates the context of a standalone master, waiting a bounded time for it to register. */
    private JavaSparkContext registered(SparkConf conf) {
        ExecutorService starter =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread thread = new Thread(r, "learnability-spark-start");
                            thread.setDaemon(true);
                            return thread;
                        });
        try {
            return starter.submit(() -> context(conf)).get(REGISTRATION_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalArgumentException(
                    "--master "
                            + master
                            + ": no Spark master took the application within "
                            + REGISTRATION_SECONDS
                            + " s; the address accepts connections, but is it a Spark master's"
                            + " (port 7077 by default)?");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : notStarted(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStarted(e);
        } finally {
            starter.shutdownNow();
        }
    }

    private IllegalArgumentException notStarted(Throwable e) {
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

    /** A started Spark: the driver's context, and the embedded cluster under it, if any. */
    static final class Running implements AutoCloseable {

        private final JavaSparkContext context;
        private final EmbeddedCluster cluster;

        private Running(JavaSparkContext context, EmbeddedCluster cluster) {
            this.context = context;
            this.cluster = cluster;
        }

        /**
         * Returns the driver's context.
         *
         * @return the context
         */
        JavaSparkContext context() {
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

    /** The driver's DJL and Learnability system properties, as JVM options of the executors. */
    private static String forwardedProperties() {
        List<String> options = new ArrayList<>();
        System.getProperties()
                .forEach(
                        (key, value) -> {
                            String name = key.toString();
                            if (name.startsWith("ai.djl.") || name.startsWith("learnability.")) {
                                options.add("-D" + name + "=" + value);
                            }
                        });
        return String.join(" ", options);
    }
}
