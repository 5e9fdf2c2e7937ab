package org.learnability.experiments.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.learnability.experiments.control.ComputeControl;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.RunsFile;

/**
 * The records of the experiment directories a report is made of, checked as {@code run} checks a
 * directory: in one directory every baseline was made under one plan, every weighted model under
 * one ({@code planHash}), all on one data set, model, class names and data ({@code
 * dataFingerprint}); else the report is refused, naming the file and the two records. Directories
 * whose models share a key but were made under other options (a training option such as {@code
 * --epochs}, which keys leave out) are reported side by side: each directory's model is named with
 * the options that tell its {@code plan.json} apart, e.g. {@code cnn-small [epochs=3]}, so each is
 * a group of its own with its own baselines.
 */
final class ReportSources {

    /** The plan keys that choose which models there are, or are not options. */
    private static final Set<String> NOT_TELLING =
            Set.of("preset", "seeds", "strategies", "mode", "dataFingerprint");

    private ReportSources() {}

    /**
     * Reads and checks the records of some experiment directories.
     *
     * @param sources the directories
     * @param warnings takes a line for every problem that does not stop the report
     * @return the records, a model that several directories hold with the same scores once
     * @throws IllegalArgumentException in one line naming the file or directories at fault
     */
    static List<RunRecord> read(List<Path> sources, Consumer<String> warnings) {
        Map<Path, List<RunRecord>> bySource = new LinkedHashMap<>();
        for (Path source : sources) {
            if (!Files.isDirectory(source)) {
                throw new IllegalArgumentException(source + ": no such directory");
            }
            Path runs = source.resolve(RunsFile.NAME);
            if (!Files.isRegularFile(runs)) {
                throw new IllegalArgumentException(
                        runs + ": no such file; the run command writes it");
            }
            RunsFile.Contents contents = RunsFile.readAll(runs);
            if (contents.tornLine() > 0) {
                warnings.accept(
                        "warning: "
                                + RunsFile.tornLine(runs, contents.tornLine())
                                + "; running the experiment again retrains that model");
            }
            contents.duplicates().forEach(d -> warnings.accept("warning: " + d.describe(runs)));
            checkOne(runs, contents.records());
            bySource.merge(source, contents.records(), (a, b) -> a);
        }
        separate(bySource);
        List<RunRecord> records = new ArrayList<>();
        bySource.forEach(
                (source, runs) -> {
                    for (RunRecord r : runs) {
                        // a model that several of the directories hold with the same scores (a
                        // baseline shared by a grid's experiments) is one model
                        if (!sources.get(0).equals(source) && holds(records, r)) {
                            continue;
                        }
                        records.add(r);
                    }
                });
        return records;
    }

    private static boolean holds(List<RunRecord> records, RunRecord r) {
        return records.stream()
                .anyMatch(
                        o ->
                                o.key().equals(r.key())
                                        && o.provenance().model().equals(r.provenance().model())
                                        && o.scores().validation().equals(r.scores().validation())
                                        && o.scores().test().equals(r.scores().test()));
    }

    /** What of a record one directory's records must share, by what it is called. */
    private static final Map<String, Function<RunRecord, Object>> SHARED = shared();

    private static Map<String, Function<RunRecord, Object>> shared() {
        Map<String, Function<RunRecord, Object>> shared = new LinkedHashMap<>();
        shared.put("data set", r -> r.provenance().dataset());
        shared.put("model", r -> r.provenance().model());
        shared.put("class names", r -> r.provenance().classNames());
        shared.put("data (dataFingerprint)", r -> r.provenance().dataFingerprint());
        shared.put("options (planHash)", r -> r.provenance().planHash());
        return shared;
    }

    /** Refuses one directory's records that {@code run} would not have written together. */
    private static void checkOne(Path runs, List<RunRecord> records) {
        for (Map.Entry<String, Function<RunRecord, Object>> e : SHARED.entrySet()) {
            Map<Boolean, RunRecord> first = new LinkedHashMap<>();
            for (RunRecord r : records) {
                Object value = e.getValue().apply(r);
                if (value == null) {
                    continue;
                }
                // a control trains the baseline's recipe longer: its options are the baseline's
                boolean kind =
                        e.getKey().startsWith("options")
                                && (r.isBaseline() || ComputeControl.isControl(r));
                RunRecord other = first.putIfAbsent(kind, r);
                if (other != null && !Objects.equals(e.getValue().apply(other), value)) {
                    throw new IllegalArgumentException(
                            runs
                                    + ": "
                                    + r.key()
                                    + " and "
                                    + other.key()
                                    + " differ in their "
                                    + e.getKey()
                                    + ", so they are not of one experiment; a report never"
                                    + " merges them: move one to an experiment directory of its"
                                    + " own");
                }
            }
        }
    }

    /**
     * Names each directory's model by the options that tell its plan apart, where directories hold
     * a model under one key made under other options (another {@code planHash}) or on other data.
     */
    private static void separate(Map<Path, List<RunRecord>> bySource) {
        List<Path> dirs = List.copyOf(bySource.keySet());
        String clash = null;
        for (int i = 0; i < dirs.size() && clash == null; i++) {
            for (int j = i + 1; j < dirs.size() && clash == null; j++) {
                clash = clash(bySource.get(dirs.get(i)), bySource.get(dirs.get(j)));
                if (clash != null) {
                    clash = dirs.get(i) + " and " + dirs.get(j) + " both hold " + clash;
                }
            }
        }
        if (clash == null) {
            return;
        }
        Map<Path, JsonObject> plans = new LinkedHashMap<>();
        for (Path dir : dirs) {
            plans.put(dir, plan(dir, clash));
        }
        Set<String> telling = new LinkedHashSet<>();
        plans.values().forEach(p -> telling.addAll(p.keySet()));
        telling.removeAll(NOT_TELLING);
        telling.removeIf(
                key -> plans.values().stream().map(p -> p.get(key)).distinct().count() == 1);
        if (telling.isEmpty()) {
            throw new IllegalArgumentException(
                    clash + ", and their plan.json name no option that differs; report them apart");
        }
        for (Path dir : dirs) {
            List<String> tags = new ArrayList<>();
            for (String key : telling) {
                JsonElement value = plans.get(dir).get(key);
                tags.add(option(key) + "=" + (value == null ? "-" : text(value)));
            }
            String tag = " [" + String.join(";", tags) + "]";
            bySource.put(dir, bySource.get(dir).stream().map(r -> withModel(r, tag)).toList());
        }
    }

    /** What two directories hold under one key made under other options or data, or null. */
    private static String clash(List<RunRecord> a, List<RunRecord> b) {
        for (RunRecord r : a) {
            for (RunRecord o : b) {
                if (!r.key().equals(o.key())
                        || !r.provenance().dataset().equals(o.provenance().dataset())
                        || !r.provenance().model().equals(o.provenance().model())) {
                    continue;
                }
                if (differ(r.provenance().planHash(), o.provenance().planHash())) {
                    return r.key() + " made under other options (planHash)";
                }
                if (differ(r.provenance().dataFingerprint(), o.provenance().dataFingerprint())
                        || !r.provenance().classNames().equals(o.provenance().classNames())) {
                    return r.key() + " made on other data";
                }
            }
        }
        return null;
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    /** A directory's plan.json, required to tell it apart. */
    private static JsonObject plan(Path dir, String clash) {
        Path file = dir.resolve("plan.json");
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    clash
                            + ", and "
                            + file
                            + " that would tell them apart cannot be read; report them apart",
                    e);
        }
    }

    /** {@code labelSmoothing} as {@code label-smoothing}, the command line's name. */
    private static String option(String key) {
        return key.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(JsonElement value) {
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    private static RunRecord withModel(RunRecord r, String tag) {
        JsonObject json = JsonParser.parseString(RunsFile.toJson(r)).getAsJsonObject();
        JsonObject provenance = json.getAsJsonObject("provenance");
        provenance.addProperty("model", r.provenance().model() + tag);
        return Json.GSON.fromJson(json, RunRecord.class);
    }
}
