package org.learnability.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.cluster.spark.SparkStart;
import org.learnability.experiments.testing.OneEngineTest;
import org.learnability.experiments.testing.SyntheticFashion;

/**
 * The embedded Spark of executor processes, started as the cluster distribution's launcher starts
 * it ({@code SPARK_HOME} and {@code SPARK_SCALA_VERSION} set), from an installation that may not be
 * written: the executors' work files go to the grid's {@code --out/spark-work}, nothing into {@code
 * SPARK_HOME}, and every model is recorded once.
 */
@OneEngineTest
class ReadOnlyInstallTest {

    @TempDir Path dir;

    @Test
    void aGridRunsFromAnInstallationItDoesNotWrite() throws Exception {
        Path data = SyntheticFashion.in(dir);
        Files.createDirectories(dir.resolve("plugins"));
        Path sparkHome = Files.createDirectories(dir.resolve("install/spark/jars")).getParent();
        sparkHome.toFile().setWritable(false, false);
        sparkHome.resolve("jars").toFile().setWritable(false, false);
        Path grid =
                Files.writeString(
                        dir.resolve("grid.json"),
                        """
                        {
                          "fixed": {"dataset": "fashion-mnist", "dataDir": "%s",
                                    "model": "cnn-small", "trainSize": 200, "valSize": 100,
                                    "epochs": 1, "batchSize": 32, "seeds": 1,
                                    "mode": "two-stage", "strategies": ["mean-ratio:gamma=2"],
                                    "maxWeightRatio": 2}
                        }
                        """
                                .formatted(data.toString().replace("\\", "\\\\")));
        Path out = dir.resolve("out");
        Process child =
                ChildJvm.start(
                        GridMain.class,
                        List.of(
                                "grid",
                                "--grid",
                                grid.toString(),
                                "--out",
                                out.toString(),
                                "--plugins",
                                dir.resolve("plugins").toString()),
                        Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13"),
                        dir.resolve("grid.out"),
                        dir.resolve("grid.err"));
        boolean ended = child.waitFor(600, TimeUnit.SECONDS);
        String log =
                Files.readString(dir.resolve("grid.out"))
                        + Files.readString(dir.resolve("grid.err"));
        assertTrue(ended, log);
        assertEquals(0, child.exitValue(), log);

        try (Stream<Path> installed = Files.walk(sparkHome)) {
            assertEquals(
                    List.of(sparkHome, sparkHome.resolve("jars")),
                    installed.sorted().toList(),
                    "nothing written into SPARK_HOME");
        }
        Path work = out.resolve(SparkStart.WORK_DIR);
        try (Stream<Path> files = Files.walk(work)) {
            assertTrue(
                    files.anyMatch(
                            p ->
                                    p.getFileName().toString().equals("stdout")
                                            && p.getParent()
                                                    .getParent()
                                                    .getFileName()
                                                    .toString()
                                                    .startsWith("app-")),
                    "the executors' logs are in " + work);
        }
        List<String> keys =
                Files.readAllLines(out.resolve("experiment/runs.jsonl")).stream()
                        .map(
                                l ->
                                        JsonParser.parseString(l)
                                                .getAsJsonObject()
                                                .get("key")
                                                .getAsString())
                        .toList();
        assertEquals(2, keys.size(), keys.toString());
        assertEquals(2, new TreeSet<>(keys).size(), keys.toString());
        assertFalse(log.contains("in this one process"), "executor processes, not threads: " + log);
    }
}
