package org.learnability.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.learnability.experiments.testing.RunsJsonl.records;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import org.learnability.experiments.testing.OneEngineTest;

/**
 * One experiment's seeds run on two machines: seed 1 into one directory, seeds 2-3 (a range) into
 * another under the same other options. The range trains those seeds only; {@code report --from}
 * both makes one report over the three seeds; and the second directory's records copied into the
 * first, a run of seeds 1-3 there finds every model recorded, trains nothing, and records the
 * extended seeds.
 */
@OneEngineTest
class SeedsOnTwoMachinesTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    private static Map<String, String> summaryRow(Path out, String strategy) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
        String[] header = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            if (row.get("strategy").equals(strategy)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + strategy + " in " + lines);
    }

    private static TreeSet<Integer> seeds(Path out) throws IOException {
        TreeSet<Integer> seeds = new TreeSet<>();
        for (JsonObject r : records(out)) {
            seeds.add(r.getAsJsonObject("provenance").get("seed").getAsInt());
        }
        return seeds;
    }

    private static String planSeeds(Path out) throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("plan.json")))
                .getAsJsonObject()
                .get("seeds")
                .toString();
    }

    @Test
    void seedsRunOnTwoMachinesMakeOneExperiment() throws IOException {
        Path first = dir.resolve("machine-a");
        Path second = dir.resolve("machine-b");
        cli.succeeds(first, "--seeds", "1");
        CliRun range = cli.succeeds(second, "--seeds", "2-3");
        assertTrue(range.out().contains(", seeds [2, 3], "), range.out());
        assertEquals(new TreeSet<>(List.of(2, 3)), seeds(second), "seeds 2 and 3 only");
        assertEquals(4, records(second).size(), "a baseline and a weighted model per seed");
        assertEquals("[2,3]", planSeeds(second));

        // one report over both directories
        Path merged = dir.resolve("merged");
        CliRun report =
                cli.command(
                        "report",
                        "--out",
                        merged.toString(),
                        "--from",
                        first.toString(),
                        "--from",
                        second.toString());
        assertEquals(0, report.exitCode(), report.err());
        Map<String, String> row = summaryRow(merged, "mean-ratio:gamma=2");
        assertEquals("3", row.get("seeds"));
        assertEquals("1;2;3", row.get("seed_list"));

        // or the records copied together, and the seeds extended where they are
        Files.write(
                first.resolve("runs.jsonl"),
                Files.readAllLines(second.resolve("runs.jsonl")),
                StandardOpenOption.APPEND);
        CliRun extended = cli.succeeds(first, "--seeds", "1-3");
        assertEquals(6, extended.skipped(), extended.out());
        assertEquals("[1,2,3]", planSeeds(first));
        assertEquals("3", summaryRow(first, "mean-ratio:gamma=2").get("seeds"));
    }
}
