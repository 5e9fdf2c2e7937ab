package org.learnability.experiments.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.learnability.experiments.io.Json;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.plan.Preset;
import org.learnability.experiments.plan.SeedList;
import org.learnability.experiments.setting.Settings;

/**
 * The values of plan options as help texts show them, read where they are written: each preset's
 * from its file (over the values declared for options a preset does not name), a command's own
 * defaults, a mode's. A value is shown in its command-line form: a list comma-separated, the seeds
 * as {@link SeedList} writes them (1 to N as N), an empty text not at all.
 */
final class HelpValues {

    /** The bundle key, for help texts, of what the modes set an option to: + the plan key. */
    static final String MODE_DEFAULTS = "mode-defaults.";

    private HelpValues() {}

    /**
     * Returns every preset's options, each over the declared values of the options it leaves out.
     *
     * @return the options by preset
     */
    static Map<Preset, JsonObject> presets(PlanSchema schema) {
        Map<Preset, JsonObject> all = new LinkedHashMap<>();
        for (Preset p : Preset.values()) {
            all.put(p, schema.defaults().overlay(p.options()).toJson());
        }
        return all;
    }

    /**
     * Returns the values of one option in some sets of options, those alike together.
     *
     * @param d the option
     * @param sets named sets of options, e.g. the presets
     * @return e.g. {@code quick, paper: adam; cpu: nesterov}, or empty if none is shown
     */
    static String of(Settings.Declaration d, Map<?, JsonObject> sets) {
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        sets.forEach(
                (name, options) ->
                        shown(d, options.get(d.key()))
                                .ifPresent(
                                        v ->
                                                byValue.computeIfAbsent(v, k -> new ArrayList<>())
                                                        .add(name.toString())));
        return byValue.entrySet().stream()
                .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    /**
     * Returns what modes set options to when chosen, for help texts: by {@link #MODE_DEFAULTS} and
     * the plan key, e.g. {@code ; --mode iterative: 3} for {@code rounds}.
     *
     * @param modes the modes
     * @return the texts by bundle key
     */
    static Map<String, String> modeDefaults(Collection<ExperimentMode> modes, PlanSchema schema) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (ExperimentMode mode : modes) {
            mode.defaults()
                    .forEach(
                            (key, value) ->
                                    schema.declarations().stream()
                                            .filter(d -> d.key().equals(key))
                                            .findFirst()
                                            .flatMap(d -> shown(d, Json.GSON.toJsonTree(value)))
                                            .ifPresent(
                                                    v ->
                                                            texts.merge(
                                                                    MODE_DEFAULTS + key,
                                                                    "; --mode "
                                                                            + mode.name()
                                                                            + ": "
                                                                            + v,
                                                                    String::concat)));
        }
        return texts;
    }

    /**
     * Returns a value in its command-line form: a list comma-separated, the seeds as {@link
     * SeedList} writes them (1 to N as N), a text as it is, a number or a switch as JSON writes it;
     * nothing for an empty text.
     *
     * @param d the option
     * @param value its value
     * @return the form help shows, escaped for picocli's format
     */
    static Optional<String> shown(Settings.Declaration d, JsonElement value) {
        String text;
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        } else if (value.isJsonArray() && isSeeds(d)) {
            List<Integer> seeds = new ArrayList<>();
            value.getAsJsonArray().forEach(item -> seeds.add(item.getAsInt()));
            text = SeedList.text(seeds);
        } else if (value.isJsonArray()) {
            List<String> items = new ArrayList<>();
            value.getAsJsonArray().forEach(item -> items.add(item.getAsString()));
            text = String.join(",", items);
        } else {
            text = value.getAsString();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text.replace("%", "%%"));
    }

    /** The seeds are the list of whole numbers. */
    private static boolean isSeeds(Settings.Declaration d) {
        return d.type() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Integer.class;
    }
}
