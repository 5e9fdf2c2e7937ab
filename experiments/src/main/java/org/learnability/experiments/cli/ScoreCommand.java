package org.learnability.experiments.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.learnability.api.scores.ClassScores;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.protocol.SavedModelScores;
import org.learnability.experiments.record.SplitScores;
import org.learnability.runner.engine.DeviceSelection;
import org.learnability.runner.pipeline.SessionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code learnability score}: a saved model's per-class TPRs on a split of its seed. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Loads a model saved in an experiment directory (models/<key>/, its SHA-256 checked"
                    + " against its record) and scores it on the validation or the test split of"
                    + " its seed, as the experiment's plan.json makes them: its per-class TPRs,"
                    + " its accuracy, and whether they are the ones recorded.",
            "The engine is the one in the key."
        })
final class ScoreCommand implements Callable<Integer> {

    @ParentCommand LearnabilityCommand parent;

    @Spec CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The experiment directory: plan.json, runs.jsonl and models/.")
    Path out;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "KEY",
            description = "The model's key in runs.jsonl, e.g. PyTorch/1/two-stage/uniform/0.")
    String key;

    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            description = "validation or test (default: ${DEFAULT-VALUE}).")
    SavedModelScores.ScoredSplit split = SavedModelScores.ScoredSplit.TEST;

    @Mixin DevicesOption devices;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            completionCandidates = OutputFormat.TableOrJson.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.table;

    @Override
    public Integer call() {
        format.requireOneOf(OutputFormat.table, OutputFormat.json);
        if (out.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "--out is empty; expected an experiment directory, e.g. --out results/run1");
        }
        DeviceSelection selection = devices.selection();
        SavedModelScores.Scored scored =
                parent.application()
                        .get(SavedModelScores.class)
                        .score(out, key, split, SessionOptions.defaults().withDevices(selection));
        PrintWriter stdout = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            json(stdout, scored);
        } else {
            table(stdout, scored);
        }
        stdout.flush();
        return 0;
    }

    private static void table(PrintWriter out, SavedModelScores.Scored scored) {
        ClassScores s = scored.scores();
        int width = Math.max(5, s.classNames().stream().mapToInt(String::length).max().orElse(5));
        out.println("model: " + scored.record().key());
        out.println("file: " + scored.record().savedModel().path());
        out.println("split: " + scored.split());
        out.printf(Locale.ROOT, "%5s  %-" + width + "s  %8s%n", "class", "name", "tpr");
        for (int c = 0; c < s.numClasses(); c++) {
            out.printf(
                    Locale.ROOT,
                    "%5d  %-" + width + "s  %8.4f%n",
                    c,
                    s.classNames().get(c),
                    s.tpr().get(c));
        }
        out.printf(Locale.ROOT, "accuracy: %.4f%n", s.accuracy());
        out.println("as recorded: " + asRecorded(scored));
    }

    /**
     * Whether the scores are the recorded ones; where the record holds another part of the split,
     * says so instead of blaming the engine.
     */
    private static String asRecorded(SavedModelScores.Scored scored) {
        if (!scored.comparable()) {
            return String.format(
                    Locale.ROOT,
                    "not comparable: these are the scores on all %d images of the %s split; the"
                            + " record holds those on %d of them (its mode, e.g. head, scores the"
                            + " part it did not train on); --split test compares like with like",
                    scored.scoredImages(),
                    scored.split(),
                    scored.recordedImages());
        }
        return scored.asRecorded()
                ? "yes"
                : "no (another engine version or device than it was made on?)";
    }

    private static void json(PrintWriter out, SavedModelScores.Scored scored) {
        ClassScores s = scored.scores();
        JsonObject o = new JsonObject();
        o.addProperty("key", scored.record().key());
        o.addProperty("file", scored.record().savedModel().path());
        o.addProperty("split", scored.split().toString());
        JsonArray classes = new JsonArray();
        s.classNames().forEach(classes::add);
        o.add("classes", classes);
        JsonArray tpr = new JsonArray();
        s.tpr().forEach(tpr::add);
        o.add("tpr", tpr);
        o.addProperty("accuracy", s.accuracy());
        o.add("confusionMatrix", Json.GSON.toJsonTree(SplitScores.of(s).confusionMatrix()));
        o.addProperty("asRecorded", scored.asRecorded());
        if (!scored.comparable()) {
            o.addProperty("recordedImages", scored.recordedImages());
        }
        out.println(Json.pretty(o));
    }
}
