package org.learnability.cluster.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.scheduler.ExternalClusterManager;

/**
 * Checks a Spark master before anything is written: a standalone master ({@code spark://}) must
 * accept a connection on one of its addresses; a local master must be of the forms Spark takes; any
 * other must be one that a cluster manager on the class path takes ({@code yarn}, {@code
 * k8s://...}, through Spark's modules for them), with what that manager needs from the environment.
 * Spark itself finds out only when its context starts, in many lines of logs.
 */
final class MasterUrl {

    /** How long a standalone master may take to accept a connection before it counts as gone. */
    static final int CONNECT_TIMEOUT_MILLIS = 3000;

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
     * @param master the master URL
     * @param env the environment
     * @throws IllegalArgumentException in one line naming the master and what would be right
     */
    static void check(String master, Map<String, String> env) {
        if (master.startsWith("spark://")) {
            checkReachable(master);
            return;
        }
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
                throw invalid(
                        master,
                        "expected local-cluster[N,C,M] with N workers, C cores and M MiB each,"
                                + " every number >= 1");
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
            throw invalid(
                    master,
                    "no cluster manager of this Spark takes it; expected local[N],"
                            + " spark://host:port, or yarn or k8s://... through spark-submit of a"
                            + " Spark installation with that cluster manager");
        }
        if (master.equals("yarn")
                && env.get("HADOOP_CONF_DIR") == null
                && env.get("YARN_CONF_DIR") == null) {
            throw invalid(
                    master,
                    "neither HADOOP_CONF_DIR nor YARN_CONF_DIR is set; expected one"
                            + " naming the directory of the cluster's configuration");
        }
    }

    /**
     * The error of a master, in one line: {@code --master URL: problem}.
     *
     * @param master the master URL
     * @param problem what is wrong, and what would be right
     * @return the error
     */
    static IllegalArgumentException invalid(String master, String problem) {
        return new IllegalArgumentException("--master " + master + ": " + problem);
    }

    /** One of a standalone master's addresses must accept a connection. */
    private static void checkReachable(String master) {
        List<String> failures = new ArrayList<>();
        for (String address : master.substring("spark://".length()).split(",")) {
            URI uri = URI.create("spark://" + address);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw invalid(
                        master, "'" + address + "' is not host:port; expected spark://host:port");
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
        throw invalid(
                master,
                "cannot connect to "
                        + String.join(", ", failures)
                        + "; is the Spark master running there?");
    }

    /** A count given, or {@code *}, or none: at least 1. */
    private static boolean positive(String count) {
        return count == null || count.equals("*") || count.matches("0*[1-9][0-9]{0,8}");
    }

    private static IllegalArgumentException invalidLocal(String master) {
        return invalid(
                master,
                "not a local master; expected local, local[N], local[*] or local[N,F]"
                        + " (N threads, F attempts per task, each a whole number >= 1)");
    }
}
