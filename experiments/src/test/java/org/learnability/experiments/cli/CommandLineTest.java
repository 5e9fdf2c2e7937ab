package org.learnability.experiments.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.Preset;
import org.learnability.experiments.setting.Settings;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;
import picocli.CommandLine;

/**
 * The strategies and weights commands, and every command's help, run as a user runs them: arguments
 * in, text out.
 */
class CommandLineTest {

    private static final String CIFAR_TPR =
            "{\"classes\": [\"airplane\", \"automobile\", \"bird\", \"cat\", \"deer\", \"dog\", \"frog\", \"horse\","
                    + " \"ship\", \"truck\"],"
                    + " \"tpr\": [0.836, 0.928, 0.709, 0.654, 0.779, 0.724, 0.872, 0.851, 0.854, 0.890]}";

    // python: s = the TPRs above; m = mean(s); r = [(m/x)**2 for x in s]; [x*10/sum(r) for x in r]
    private static final double[] MEAN_RATIO_GAMMA_2 = {
        0.9053261305407597, 0.7347196549522685, 1.2587084280695209, 1.4793199490559497,
                1.0426599576007791,
        1.2070922959662684, 0.8321174713439717, 0.873692264068145, 0.8675646925755293,
                0.798799155826808
    };

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static void assertOneLineError(CliRun run, String expected) {
        assertTrue(run.exitCode() != 0, "non-zero exit");
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    @Test
    void strategiesListsEveryBuiltInStrategyWithParametersAndSource() {
        CliRun run = cli.command("strategies");
        assertEquals(0, run.exitCode(), run.err());
        for (String name :
                List.of(
                        "additive",
                        "confusion",
                        "difficulty",
                        "mean-ratio",
                        "multiplicative",
                        "shifted-power",
                        "softmax",
                        "uniform")) {
            assertTrue(run.out().lines().anyMatch(name::equals), "lists " + name);
        }
        assertTrue(run.out().contains("gamma=1  (a number in [0, 10])"), run.out());
        assertTrue(run.out().contains("tau=1.5  (a number in [0, 10] or dynamic)"), run.out());
        assertTrue(
                run.out().contains("from: ") && run.out().contains("learnability-strategies"),
                run.out());
    }

    @Test
    void weightsPrintsATableOfHandDerivedWeights() throws IOException {
        CliRun run =
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=2",
                        "--scores",
                        file("s.json", CIFAR_TPR).toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("strategy: mean-ratio:gamma=2", lines.get(0));
        assertEquals(13, lines.size());
        String[] cat = lines.get(2 + 3).trim().split("\\s+");
        assertEquals(List.of("3", "cat", "0.6540"), List.of(cat[0], cat[1], cat[2]));
        assertEquals(MEAN_RATIO_GAMMA_2[3], Double.parseDouble(cat[3]), 1e-6);
        // the largest weight is cat's (TPR 0.654), the smallest automobile's (0.928):
        // (0.928 / 0.654)^2 = 2.0134
        assertEquals("max/min: 2.01", lines.get(12));
        assertEquals("", run.err(), "no warning at a ratio of 2");
    }

    @Test
    void weightsWarnsOfARatioAboveTwentyAndBoundsOnRequest() throws IOException {
        Path scores =
                file(
                        "w.json",
                        "{\"classes\": [\"top\", \"trouser\", \"shirt\"], \"tpr\": [0.9, 0.9, 0.07]}");
        CliRun wide =
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=2",
                        "--scores",
                        scores.toString());
        assertEquals(0, wide.exitCode(), wide.err());
        // (0.9 / 0.07)^2 = 165.31
        assertEquals("max/min: 165.31", wide.out().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(
                "warning: the largest weight is 165.3 times the smallest (above 20): a model"
                        + " trained with them tends to predict shirt for almost everything; bound"
                        + " them with --max-weight-ratio (run takes it too)\n",
                wide.err());

        CliRun bounded =
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=2",
                        "--scores",
                        scores.toString(),
                        "--max-weight-ratio",
                        "5");
        assertEquals(0, bounded.exitCode(), bounded.err());
        // ln w = -2 ln s + const: 0.2107, 0.2107, 5.3185 (mean 1.9133); clipped to 1.9133 -+
        // ln(5)/2 on both sides, so the ratio is exactly 5
        assertEquals("max/min: 5.00", bounded.out().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("", bounded.err());
        // the option is run's, read the same way: none is no bound, as run takes it
        CliRun none =
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=2",
                        "--scores",
                        scores.toString(),
                        "--max-weight-ratio",
                        "none");
        assertEquals(0, none.exitCode(), none.err());
        assertEquals(wide.out(), none.out());
        CliRun bad =
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=2",
                        "--scores",
                        scores.toString(),
                        "--max-weight-ratio",
                        "x");
        assertEquals(2, bad.exitCode());
        assertEquals(
                "error: Invalid value for option '--max-weight-ratio': 'x' is not a number or"
                        + " none (see: learnability weights --help)\n",
                bad.err());
    }

    @Test
    void weightsAsJsonAndCsv() throws IOException {
        Path scores = file("s.json", CIFAR_TPR);
        CliRun json =
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=2",
                        "--scores",
                        scores.toString(),
                        "--format",
                        "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonObject object = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals("mean-ratio:gamma=2", object.get("strategy").getAsString());
        assertEquals("cat", object.getAsJsonArray("classes").get(3).getAsString());
        double[] weights = new double[10];
        for (int c = 0; c < 10; c++) {
            weights[c] = object.getAsJsonArray("weights").get(c).getAsDouble();
        }
        assertArrayEquals(MEAN_RATIO_GAMMA_2, weights, 1e-9);

        CliRun csv =
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=2",
                        "--scores",
                        scores.toString(),
                        "--format",
                        "csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals("class,name,tpr,weight", lines.get(0));
        assertEquals(11, lines.size());
        String[] cat = lines.get(4).split(",");
        assertEquals("3", cat[0]);
        assertEquals("cat", cat[1]);
        assertEquals(MEAN_RATIO_GAMMA_2[3], Double.parseDouble(cat[3]), 1e-12);
    }

    @Test
    void weightsFromAConfusionMatrix() throws IOException {
        // q_c = (row sum - diagonal + column sum - diagonal) / (2 * row sum): [23/120, 30/120,
        // 39/120];
        // w = 1 + q, normalised: [0.9491150442477877, 0.995575221238938, 1.0553097345132743]
        Path scores =
                file("m.json", "{\"confusionMatrix\": [[50, 3, 7], [4, 45, 11], [9, 12, 39]]}");
        CliRun run =
                cli.command(
                        "weights",
                        "--strategy",
                        "confusion",
                        "--scores",
                        scores.toString(),
                        "--format",
                        "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        double[] expected = {0.9491150442477877, 0.995575221238938, 1.0553097345132743};
        for (int c = 0; c < 3; c++) {
            String[] cells = lines.get(c + 1).split(",");
            assertEquals(Integer.toString(c), cells[1], "classes default to their indices");
            assertEquals(expected[c], Double.parseDouble(cells[3]), 1e-12);
        }
    }

    @Test
    void currentWeightsFeedIterativeStrategies() throws IOException {
        // multiplicative: current_c * exp(eta * (1 - s_c)); s = [0.5, 1], current = [1, 3], eta =
        // 1:
        // raw = [exp(0.5), 3] -> normalised 2 * raw / sum(raw)
        Path scores = file("s.json", "{\"tpr\": [0.5, 1.0]}");
        CliRun run =
                cli.command(
                        "weights",
                        "--strategy",
                        "multiplicative",
                        "--scores",
                        scores.toString(),
                        "--current",
                        "1,3",
                        "--format",
                        "csv");
        assertEquals(0, run.exitCode(), run.err());
        double a = Math.exp(0.5);
        List<String> lines = run.out().lines().toList();
        assertEquals(2 * a / (a + 3), Double.parseDouble(lines.get(1).split(",")[3]), 1e-12);
        assertEquals(2 * 3 / (a + 3), Double.parseDouble(lines.get(2).split(",")[3]), 1e-12);
    }

    @Test
    void unknownStrategyIsOneClearLine() throws IOException {
        CliRun run =
                cli.command(
                        "weights",
                        "--strategy",
                        "nope",
                        "--scores",
                        file("s.json", CIFAR_TPR).toString());
        assertOneLineError(
                run, "unknown strategy 'nope'; known strategies: additive, confusion, difficulty");
    }

    @Test
    void badParameterIsOneClearLine() throws IOException {
        Path scores = file("s.json", CIFAR_TPR);
        assertOneLineError(
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gama=2",
                        "--scores",
                        scores.toString()),
                "strategy mean-ratio has no parameter 'gama'; its parameters: metric, gamma, eps");
        assertOneLineError(
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:gamma=-1",
                        "--scores",
                        scores.toString()),
                "gamma=-1 is not valid; expected a number in [0, 10]");
        assertOneLineError(
                cli.command(
                        "weights", "--strategy", "mean-ratio:gamma", "--scores", scores.toString()),
                "'gamma' is not key=value");
    }

    @Test
    void missingOrMalformedScoresFileIsOneClearLine() throws IOException {
        Path missing = dir.resolve("absent.json");
        assertOneLineError(
                cli.command("weights", "--strategy", "uniform", "--scores", missing.toString()),
                missing + ": no such file");
        Path broken = file("broken.json", "{\"tpr\": [0.5, ");
        assertOneLineError(
                cli.command("weights", "--strategy", "uniform", "--scores", broken.toString()),
                broken + ": not valid JSON");
        Path neither = file("neither.json", "{\"classes\": [\"a\"]}");
        assertOneLineError(
                cli.command("weights", "--strategy", "uniform", "--scores", neither.toString()),
                "give exactly one of \"tpr\" and \"confusionMatrix\"");
        Path outOfRange = file("range.json", "{\"tpr\": [0.5, 1.5]}");
        assertOneLineError(
                cli.command("weights", "--strategy", "uniform", "--scores", outOfRange.toString()),
                "TPR of class 1 (1) is 1.5; a TPR must be in [0, 1]");
    }

    @Test
    void wrongNumberOfClassesIsOneClearLine() throws IOException {
        Path names =
                file("names.json", "{\"classes\": [\"a\", \"b\", \"c\"], \"tpr\": [0.5, 0.6]}");
        assertOneLineError(
                cli.command("weights", "--strategy", "uniform", "--scores", names.toString()),
                "\"classes\" has 3 names but \"tpr\" has 2 classes");
        Path ragged = file("ragged.json", "{\"confusionMatrix\": [[1, 2], [3]]}");
        assertOneLineError(
                cli.command("weights", "--strategy", "confusion", "--scores", ragged.toString()),
                "\"confusionMatrix\" row 1 has 1 counts; a matrix over 2 classes needs 2");
        Path scores = file("s.json", "{\"tpr\": [0.5, 0.6]}");
        assertOneLineError(
                cli.command(
                        "weights",
                        "--strategy",
                        "multiplicative",
                        "--scores",
                        scores.toString(),
                        "--current",
                        "1,1,1"),
                "--current has 3 weights but " + scores + " has 2 classes");
    }

    @Test
    void metricThatNeedsAMatrixIsOneClearLine() throws IOException {
        Path scores = file("s.json", "{\"tpr\": [0.5, 0.6]}");
        assertOneLineError(
                cli.command(
                        "weights",
                        "--strategy",
                        "mean-ratio:metric=f1",
                        "--scores",
                        scores.toString()),
                "metric=f1 needs a confusion matrix");
    }

    @Test
    void missingOptionIsOneLineWithExitCode2() {
        CliRun run = cli.command("weights", "--strategy", "uniform");
        assertEquals(2, run.exitCode());
        assertOneLineError(
                run, "Missing required option: '--scores=FILE' (see: learnability weights --help)");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("strategies", "weights")) {
            CliRun run = cli.command(command, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: learnability " + command), run.out());
        }
    }

    @Test
    void helpIsCleanAndListsTheRegisteredNames() {
        for (String command : List.of("run", "report", "strategies", "weights", "bench")) {
            CliRun help = cli.command(command, "--help");
            assertEquals(0, help.exitCode(), help.err());
            assertEquals("", help.err(), "no picocli warning for " + command);
        }
        String run = cli.command("run", "--help").out();
        assertTrue(run.contains("cifar10, fashion-mnist"), run);
        assertTrue(
                run.replaceAll("\\s+", " ")
                        .contains("cnn-small, resnet-peifer, resnet-peifer-nhwc, resnet20"),
                run);
        assertTrue(run.contains("two-stage, iterative, dynamic"), run);
        assertTrue(run.contains("x0.1 at 50% and 75%"), run);
        assertTrue(run.contains("--verbose"), run);
    }

    /**
     * {@code run --help} gives every option's value in each preset as the preset's file holds it,
     * or as the option declares it where the file leaves it out; and no help text speaks of where a
     * default came from.
     */
    @Test
    void runHelpShowsEveryPresetsValueFromItsFile() throws IOException {
        CommandLine cli = Main.commandLine();
        cli.setUsageHelpWidth(1000); // an option's help on one line
        CliRun help = CliRun.on(cli, "run", "--help", "--plugins", CliRun.noPlugins(dir));
        assertEquals(0, help.exitCode(), help.err());
        Map<String, String> byOption = new LinkedHashMap<>();
        Pattern line = Pattern.compile("^ +(--(?:\\[no-\\])?[a-z-]+)(?:=\\S+)? +(.*)$");
        help.out()
                .lines()
                .map(line::matcher)
                .filter(Matcher::matches)
                .forEach(m -> byOption.put(m.group(1).replace("[no-]", ""), m.group(2)));
        for (Preset preset : Preset.values()) {
            JsonObject file;
            try (InputStream in =
                    Preset.class.getResourceAsStream("/presets/" + preset + ".json")) {
                file =
                        JsonParser.parseString(new String(in.readAllBytes(), UTF_8))
                                .getAsJsonObject();
            }
            for (Settings.Declaration d : Settings.declarations(ExperimentPlan.class)) {
                if (!d.setting().flag()) {
                    continue;
                }
                JsonElement value = file.has(d.key()) ? file.get(d.key()) : d.since().orElseThrow();
                String expected;
                if (value.isJsonArray() && d.key().equals("seeds")) {
                    expected = Integer.toString(value.getAsJsonArray().size()); // seeds 1 to N
                } else if (value.isJsonArray()) {
                    List<String> items = new ArrayList<>();
                    value.getAsJsonArray().forEach(v -> items.add(v.getAsString()));
                    expected = String.join(",", items);
                } else {
                    expected = value.getAsString();
                }
                String description = byOption.get(d.option());
                assertTrue(description != null, d.option() + " in " + byOption.keySet());
                if (expected.isEmpty()) {
                    continue; // an empty text (no --data-dir): the help says what that means
                }
                assertEquals(
                        expected,
                        shownValues(description).get(preset.toString()),
                        preset + " " + d.option() + ": " + description);
            }
        }
        assertTrue(
                byOption.get("--epochs").endsWith("(quick: 4; paper: 20; cpu: 15; fast: 7)."),
                byOption.get("--epochs"));
        assertTrue(
                byOption.get("--rounds")
                        .endsWith("(quick, paper, cpu, fast: 1; --mode iterative: 3)."),
                byOption.get("--rounds"));
        for (String command : List.of("run", "bench", "report", "weights")) {
            String text = CliRun.of(command, "--help").out().toLowerCase(Locale.ROOT);
            assertFalse(text.contains("issue") || text.contains("pilot"), text);
        }
    }

    /** The values at the end of an option's help: {@code (quick, paper: 0.001; cpu: 0.1).} */
    private static Map<String, String> shownValues(String description) {
        assertTrue(description.endsWith(")."), description);
        String values =
                description.substring(description.lastIndexOf(" (") + 2, description.length() - 2);
        Map<String, String> byName = new LinkedHashMap<>();
        for (String group : values.split("; ")) {
            String[] namesAndValue = group.split(": ", 2);
            for (String name : namesAndValue[0].split(", ")) {
                byName.put(name, namesAndValue[1]);
            }
        }
        return byName;
    }

    /** Only the plan options go into the plan: run's own options, --preset among them, do not. */
    @Test
    void onlyPlanOptionsAreGiven() {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult parsed =
                cli.parseArgs("run", "--preset", "paper", "--epochs", "3", "--no-augment");
        assertEquals(
                "{\"epochs\":3,\"augment\":false}",
                PlanFlags.given(parsed.subcommand()).toJson().toString());
    }

    @Test
    void everyCommandPrintsTheVersion() {
        for (String command : List.of("run", "report", "strategies", "weights", "bench")) {
            for (String option : List.of("-V", "--version")) {
                CliRun version = CliRun.of(command, option);
                assertEquals(0, version.exitCode(), version.err());
                assertTrue(
                        version.out().matches("learnability \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"),
                        command + " " + option + ": " + version.out());
            }
        }
        assertEquals(CliRun.of("run", "-V").out(), CliRun.of("--version").out());
    }

    @Test
    void anUnexpectedFailureIsStillOneLine() {
        assertEquals(
                "NullPointerException: x (--verbose prints the stack trace)",
                Main.message(new NullPointerException("x")));
        assertEquals(
                "IllegalStateException (--verbose prints the stack trace)",
                Main.message(new IllegalStateException()));
        assertEquals(
                "not a plan",
                Main.message(new IllegalArgumentException("not a plan\nSee https://example.org")));
    }
}
