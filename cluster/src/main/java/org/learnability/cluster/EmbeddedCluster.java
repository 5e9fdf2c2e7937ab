package org.learnability.cluster;

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
     * Starts the master and the workers.
     *
     * @param workers the workers, one executor each
     * @param cores the cores of each worker
     * @param memoryMb the memory of each worker, in MiB
     * @param workDir the workers' work directory, made if missing
     * @param conf Spark's configuration
     * @return the cluster; closing it stops it
     */
    static EmbeddedCluster start(
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
}
