package org.learnability.cluster;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.scheduler.ExternalClusterManager;

/**
 * Checks a Spark master that is not {@code spark://} before anything is written: a local master of
 * the forms Spark takes, or one that a cluster manager on the class path takes ({@code yarn},
 * {@code k8s://...}, through Spark's modules for them), with what that manager needs from the
 * environment. Spark itself finds out only when its context starts, in many lines of logs.
 */
final class MasterUrl {

    /**
     * {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}, as Spark reads them.
     */
    private static final Pattern LOCAL =
            Pattern.compile("local(?:\\[\\s*([0-9]+|\\*)\\s*(?:,\\s*([0-9]+)\\s*)?])?");

    /** {@code local-cluster[N,C,M]}: N workers of C cores and M MiB. */
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*]");

    private MasterUrl() {}

    /**
     * Checks the master.
     *
     * @param master the master URL, not {@code spark://}
     * @param env the environment
     * @throws IllegalArgumentException in one line naming the master and what would be right
     */
    static void check(String master, Map<String, String> env) {
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            if (!positive(local.group(1)) || !positive(local.group(2))) {
                throw invalidLocal(master);
            }
            return;
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches()) {
            if (!positive(cluster.group(1))
                    || !positive(cluster.group(2))
                    || !positive(cluster.group(3))) {
                throw new IllegalArgumentException(
                        "--master "
                                + master
                                + ": expected local-cluster[N,C,M] with N workers, C cores and M"
                                + " MiB each, every number >= 1");
            }
            return;
        }
        if (master.startsWith("local")) {
            throw invalidLocal(master);
        }
        boolean known = false;
        for (ExternalClusterManager manager :
                ServiceLoader.load(
                        ExternalClusterManager.class, MasterUrl.class.getClassLoader())) {
            known |= manager.canCreate(master);
        }
        if (!known) {
            throw new IllegalArgumentException(
                    "--master "
                            + master
                            + ": no cluster manager of this Spark takes it; expected local[N],"
                            + " spark://host:port, or yarn or k8s://... through spark-submit of a"
                            + " Spark installation with that cluster manager");
        }
        if (master.equals("yarn")
                && env.get("HADOOP_CONF_DIR") == null
                && env.get("YARN_CONF_DIR") == null) {
            throw new IllegalArgumentException(
                    "--master yarn: neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set; expected one"
                            + " naming the directory of the cluster's configuration");
        }
    }

    /** A count given, or {@code *}, or none: at least 1. */
    private static boolean positive(String count) {
        return count == null || count.equals("*") || count.matches("0*[1-9][0-9]{0,8}");
    }

    private static IllegalArgumentException invalidLocal(String master) {
        return new IllegalArgumentException(
                "--master "
                        + master
                        + ": not a local master; expected local, local[N], local[*] or local[N,F]"
                        + " (N threads, F attempts per task, each a whole number >= 1)");
    }
}
