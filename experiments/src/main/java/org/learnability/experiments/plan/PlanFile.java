package org.learnability.experiments.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.learnability.experiments.io.AtomicFiles;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.setting.Settings;
import org.learnability.runner.data.DataFingerprint;

/**
 * {@code plan.json} of an experiment directory: the {@link ExperimentPlan} the directory's models
 * were trained under, as its {@link PlanOptions}. A run into a directory that has one must have the
 * same plan, or extend it: the same options with more strategies or more modes (an experiment
 * extended on the baselines it holds; a plan that adds fine-tuning also sets its options), or more
 * seeds (seeds run elsewhere under the same plan, their records copied in, or seeds added), which
 * it then records. Beside the options it holds the fingerprint of the data the models were made on
 * ({@value #DATA}, a {@link DataFingerprint}'s parts), which a run that extends the experiment must
 * match. Files written by earlier versions load: an option they lack takes the value that gives the
 * behaviour they were written with; without a fingerprint, the next run records its data's.
 */
public final class PlanFile {

    /** The file name. */
    public static final String NAME = "plan.json";

    /** The key of the data's fingerprint, beside the options. */
    public static final String DATA = "dataFingerprint";

    private final PlanCodec codec;

    /**
     * Creates the service.
     *
     * @param codec turns options into plans and back
     */
    @Inject
    public PlanFile(PlanCodec codec) {
        this.codec = codec;
    }

    /**
     * Checks the plan against the one recorded in a directory, if any. Nothing is written.
     *
     * @param dir the experiment directory
     * @param plan the plan of this run
     * @return whether a plan is recorded there and is this one; {@code false} also when this plan
     *     extends the recorded one (more strategies, modes or seeds, nothing else changed), to be
     *     recorded
     * @throws IllegalArgumentException naming every option that differs from the recorded plan
     */
    public boolean check(Path dir, ExperimentPlan plan) {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            return false;
        }
        ExperimentPlan before = read(file);
        JsonObject recorded = codec.encode(before);
        JsonObject now = codec.encode(plan);
        List<String> differences = differences(recorded, now);
        // the options of a mode the recorded plan did not run: a plan that adds the mode sets them
        Set<Class<? extends Record>> recordedGroups = groups(before);
        plan.arms().groups().stream()
                .filter(g -> !recordedGroups.contains(g))
                .flatMap(g -> Settings.declarations(g).stream())
                .forEach(d -> differences.removeIf(x -> x.startsWith(d.option() + " ")));
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(
                    dir
                            + " holds another experiment: "
                            + String.join("; ", differences)
                            + "; use another --out, or the recorded options to resume");
        }
        return recorded.equals(now);
    }

    /** The option groups of the modes a plan runs. */
    private static Set<Class<? extends Record>> groups(ExperimentPlan plan) {
        Set<Class<? extends Record>> groups = new HashSet<>();
        plan.arms().mode().forEach(m -> m.settings().ifPresent(groups::add));
        return groups;
    }

    /**
     * Records the plan, making the directory if needed; replaces a recorded plan, keeping the data
     * fingerprint it holds.
     *
     * @param dir the experiment directory
     * @param plan the plan
     */
    public void record(Path dir, ExperimentPlan plan) {
        record(dir, plan, recordedData(dir).orElse(null));
    }

    /**
     * Records the plan and the fingerprint of its data, making the directory if needed; replaces a
     * recorded plan.
     *
     * @param dir the experiment directory
     * @param plan the plan
     * @param data the fingerprint of the data its models are made on; null for none
     */
    public void record(Path dir, ExperimentPlan plan, DataFingerprint data) {
        JsonObject json = codec.encode(plan);
        if (data != null) {
            json.add(DATA, Json.GSON.toJsonTree(data.parts()));
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write to --out " + dir + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(dir.resolve(NAME), Json.pretty(json) + "\n");
    }

    /**
     * Returns the fingerprint of the data a directory's plan records, if it records one.
     *
     * @param dir the experiment directory
     * @return the fingerprint; empty without {@code plan.json} or when it was written before
     *     fingerprints
     * @throws IllegalArgumentException naming the file when its fingerprint is malformed
     */
    public Optional<DataFingerprint> recordedData(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonElement data = json(file).get(DATA);
        if (data == null) {
            return Optional.empty();
        }
        try {
            DataFingerprint.Part[] parts = Json.GSON.fromJson(data, DataFingerprint.Part[].class);
            return Optional.of(new DataFingerprint(List.of(parts)));
        } catch (JsonParseException | NullPointerException e) {
            throw new IllegalArgumentException(
                    file + ": " + DATA + " is not a data fingerprint (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a recorded plan.
     *
     * @param file the file
     * @return the plan
     * @throws IllegalArgumentException naming the file when it is not a plan
     */
    public ExperimentPlan read(Path file) {
        return codec.decode(options(file));
    }

    /**
     * Returns the options recorded in a directory, if it holds a plan.
     *
     * @param dir the experiment directory
     * @return the recorded options
     * @throws IllegalArgumentException naming the file when it is not a plan
     */
    public Optional<PlanOptions> recorded(Path dir) {
        Path file = dir.resolve(NAME);
        return Files.exists(file) ? Optional.of(options(file)) : Optional.empty();
    }

    private PlanOptions options(Path file) {
        JsonObject json = json(file).deepCopy();
        json.remove(DATA);
        return codec.schema().options(json, file.toString());
    }

    /** The file as a JSON object, refused in one line naming it when it is not one. */
    private static JsonObject json(Path file) {
        JsonElement json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a plan (" + Json.problem(e) + ")", e);
        }
        if (json.isJsonNull()) {
            throw new IllegalArgumentException(file + ": empty; delete it or use another --out");
        }
        if (!json.isJsonObject()) {
            throw new IllegalArgumentException(file + ": not a plan (not a JSON object)");
        }
        return json.getAsJsonObject();
    }

    private List<String> differences(JsonObject recorded, JsonObject plan) {
        List<String> out = new ArrayList<>();
        for (String key : codec.schema().keys()) {
            if (key.equals("preset")) {
                continue;
            }
            JsonElement was = recorded.get(key);
            JsonElement now = plan.get(key);
            if (!was.equals(now) && !extendsRecorded(key, was, now)) {
                out.add(
                        codec.schema().option(key)
                                + " is "
                                + text(now)
                                + " but "
                                + text(was)
                                + " was recorded");
            }
        }
        return out;
    }

    /** The options whose value a run may extend: more strategies, more modes, more seeds. */
    private static final List<String> EXTENSIBLE = List.of("strategies", "mode", "seeds");

    /** Whether a value holds every item of the recorded one, for an option that may grow. */
    private static boolean extendsRecorded(String key, JsonElement was, JsonElement now) {
        return EXTENSIBLE.contains(key) && items(now).containsAll(items(was));
    }

    private static List<String> items(JsonElement value) {
        if (value.isJsonArray()) {
            List<String> items = new ArrayList<>();
            value.getAsJsonArray().forEach(item -> items.add(text(item)));
            return items;
        }
        return List.of(text(value).split(",", -1));
    }

    /** A value as the command line shows it: a list as {@code [a, b]}, a text unquoted. */
    private static String text(JsonElement value) {
        if (value.isJsonArray()) {
            List<String> items = new ArrayList<>();
            value.getAsJsonArray().forEach(item -> items.add(text(item)));
            return items.stream().collect(Collectors.joining(", ", "[", "]"));
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }
}
