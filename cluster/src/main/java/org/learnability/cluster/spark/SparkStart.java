package org.learnability.cluster.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;

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
 * standalone master a bounded time to take the application ({@link DriverContext}).
 */
public final class SparkStart {

    /**
     * The memory of each embedded worker, in MiB: its executor's JVM heap (1 GiB, Spark's default)
     * fits; tensors live outside the heap.
     */
    static final int WORKER_MEMORY_MB = 2048;

    /** The embedded Spark's work directory (its executors' logs), inside the grid's --out. */
    public static final String WORK_DIR = "spark-work";

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
    public static SparkStart of(Optional<String> given, int threadsPerTask) {
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

    /**
     * Tells whether the tasks run on this machine: the embedded Spark or a {@code local} master.
     * Elsewhere (a standalone master, yarn, k8s) the executors' cores are not this machine's.
     *
     * @return {@code true} for an embedded or local master
     */
    public boolean onThisMachine() {
        return embedded || master.equals("local") || master.startsWith("local[");
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
    public Optional<String> warning() {
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
     * Checks the master before anything is written or trained ({@link MasterUrl}): one of a
     * standalone master's addresses must accept a connection; other masters are Spark's to reach.
     *
     * @throws IllegalArgumentException naming the master when it is wrong or none of its addresses
     *     answers
     */
    public void check() {
        MasterUrl.check(master, System.getenv());
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
    public RunningSpark start(int tasks, Path out) {
        SparkConf conf =
                new SparkConf()
                        .setMaster(master)
                        .setAppName("learnability grid (" + tasks + " tasks)")
                        .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (embedded) {
            conf.set("spark.ui.enabled", "false");
        }
        if (master.startsWith("local-cluster")) {
            EmbeddedCluster.configureExecutors(conf);
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
                cluster = EmbeddedCluster.start(master, workDir, conf);
                conf.setMaster(cluster.url());
            }
            return new RunningSpark(DriverContext.create(master, conf), cluster);
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
}
