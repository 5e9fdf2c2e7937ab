package org.learnability.cluster.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.Master$;
import org.apache.spark.deploy.worker.Worker$;
import org.apache.spark.rpc.RpcEnv;
import org.apache.spark.util.Utils;
import scala.Option;

/**
 * The embedded Spark of N executor processes on this machine: a standalone master and N workers in
 * this JVM, as Spark's own {@code local-cluster[N, cores, memory]} starts them, but with the
 * workers' work directory (each executor's {@code stdout}, {@code stderr} and fetched files) where
 * the grid says. Spark's {@code local-cluster} puts it under {@code $SPARK_HOME/work}, inside the
 * installation, which may be read-only; here it is the grid's {@code --out}.
 */
final class EmbeddedCluster implements AutoCloseable {

    private final RpcEnv master;
    private final List<RpcEnv> workers;
    private final String url;

    private EmbeddedCluster(RpcEnv master, List<RpcEnv> workers, String url) {
        this.master = master;
        this.workers = workers;
        this.url = url;
    }

    /**
     * Lets the executor processes run the driver's code as the driver does: its class path, and its
     * DJL and Learnability system properties; a failed task attempt is retried once.
     *
     * @param conf Spark's configuration, changed
     */
    static void configureExecutors(SparkConf conf) {
        conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        conf.set("spark.executor.extraJavaOptions", forwardedProperties());
        conf.set("spark.task.maxFailures", "2");
    }

    /**
     * Starts the cluster a {@code local-cluster[N, cores, memory]} master names.
     *
     * @param master the master URL
     * @param workDir the workers' work directory, made if missing
     * @param conf Spark's configuration
     * @return the cluster; closing it stops it
     */
    static EmbeddedCluster start(String master, Path workDir, SparkConf conf) {
        String[] sizes = master.replaceAll("[^0-9,]", "").split(",");
        return start(
                Integer.parseInt(sizes[0]),
                Integer.parseInt(sizes[1]),
                Integer.parseInt(sizes[2]),
                workDir,
                conf);
    }

    /** Starts the master and N workers of some cores and memory (in MiB), one executor each. */
    private static EmbeddedCluster start(
            int workers, int cores, int memoryMb, Path workDir, SparkConf conf) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot make Spark's work directory " + workDir + " (" + e + ")", e);
        }
        // as Spark's LocalSparkCluster: no REST server, no external shuffle service
        SparkConf clusterConf =
                conf.clone()
                        .setIfMissing("spark.master.rest.enabled", "false")
                        .set("spark.shuffle.service.enabled", "false");
        String host = Utils.localHostName();
        RpcEnv master = Master$.MODULE$.startRpcEnvAndEndpoint(host, 0, 0, clusterConf)._1();
        String url = "spark://" + Utils.localHostNameForURI() + ":" + master.address().port();
        EmbeddedCluster cluster = new EmbeddedCluster(master, new ArrayList<>(), url);
        try {
            for (int n = 1; n <= workers; n++) {
                cluster.workers.add(
                        Worker$.MODULE$.startRpcEnvAndEndpoint(
                                host,
                                0,
                                0,
                                cores,
                                memoryMb,
                                new String[] {url},
                                workDir.toAbsolutePath().toString(),
                                Option.<Object>apply(n),
                                clusterConf,
                                Option.empty()));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Returns the master's URL, for the driver.
     *
     * @return {@code spark://host:port}
     */
    String url() {
        return url;
    }

    /** Stops the workers, then the master. */
    @Override
    public void close() {
        workers.forEach(RpcEnv::shutdown);
        workers.forEach(RpcEnv::awaitTermination);
        master.shutdown();
        master.awaitTermination();
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
