package org.learnability.experiments.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.plan.Preset;
import org.learnability.experiments.setting.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Plan options on a command line, made from their declarations ({@link Settings} over {@link
 * ExperimentPlan}): one command-line option per declared plan option, its name, label and help from
 * the declaration, its type from the component's; the values a help text shows are read from where
 * they are written ({@link HelpValues}). {@code run} takes every plan option, other commands some,
 * each with a default of their own. Only the options given are put over the defaults.
 */
final class PlanFlags {

    private PlanFlags() {}

    /** A command that takes some plan options, added before it parses. */
    interface Taker {
        /**
         * Adds the command's plan options.
         *
         * @param spec the command
         * @param schema every plan option, the modes' own included
         */
        void addPlanOptions(CommandSpec spec, PlanSchema schema);
    }

    /**
     * Adds every plan option to {@code run}, after its first option ({@code --preset}) and before
     * the rest, each help ending with every preset's value and what a mode sets it to.
     *
     * @param run the {@code run} command
     * @param schema every plan option, the modes' own included
     */
    static void addToRun(CommandSpec run, PlanSchema schema) {
        List<OptionSpec> after = new ArrayList<>(run.options());
        after.remove(0);
        after.forEach(run::remove);
        Map<Preset, JsonObject> presets = HelpValues.presets(schema);
        for (Settings.Declaration d : schema.declarations()) {
            if (d.setting().flag()) {
                String values = HelpValues.of(d, presets);
                run.addOption(
                        option(
                                d,
                                true,
                                values.isEmpty()
                                        ? ""
                                        : values
                                                + "${bundle:"
                                                + HelpValues.MODE_DEFAULTS
                                                + d.key()
                                                + ":-}"));
            }
        }
        after.forEach(run::addOption);
    }

    /**
     * Adds some plan options to a command other than {@code run}, each help ending with the
     * command's default.
     *
     * @param command the command
     * @param defaults the command's defaults, by plan key: one option per key
     * @param before words before each default, e.g. {@code the plan's, else }
     * @param schema every plan option
     */
    static void add(CommandSpec command, PlanOptions defaults, String before, PlanSchema schema) {
        JsonObject values = defaults.toJson();
        for (Settings.Declaration d : schema.declarations()) {
            if (values.has(d.key())) {
                String shown =
                        HelpValues.shown(d, values.get(d.key()))
                                .map(v -> "default: " + before + v)
                                .orElse("");
                boolean off = values.get(d.key()).equals(new JsonPrimitive(false));
                command.addOption(option(d, !off, shown));
            }
        }
    }

    /**
     * Returns the plan options given on a command line, by plan key.
     *
     * @param parsed the parsed command
     * @return the options given
     */
    static PlanOptions given(ParseResult parsed) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            if (option.userObject() instanceof Settings.Declaration d) {
                given.put(d.key(), option.getValue());
            }
        }
        return PlanOptions.of(given, "the command line");
    }

    /**
     * The option of a declaration, its help ending with values in parentheses if there are any; a
     * switch that is off unless given has no {@code --no-} form.
     */
    private static OptionSpec option(Settings.Declaration d, boolean negatable, String values) {
        Class<?> type = cliType(d.type());
        String help = d.setting().help();
        if (!values.isEmpty()) {
            help = help.replaceFirst("\\.$", "") + " (" + values + ").";
        }
        OptionSpec.Builder option =
                OptionSpec.builder(d.option())
                        .type(type)
                        .description(help)
                        .userObject(d)
                        .hasInitialValue(false);
        if (type == Boolean.class) {
            option.negatable(negatable).arity("0");
        } else {
            option.paramLabel(d.setting().label());
        }
        if (d.setting().words().length > 0) {
            option.converters(words(d.setting().words()));
        }
        return option.build();
    }

    /**
     * The type a command line gives: a number for numbers, a path for a directory, a text for the
     * seeds ({@code 3}, {@code 4-5}, {@code 1,3,7}, read by {@link
     * org.learnability.experiments.plan.SeedList}) and for everything that is parsed by name.
     */
    static Class<?> cliType(Type type) {
        if (type == int.class) {
            return Integer.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Path.class) {
            return Path.class;
        }
        return String.class;
    }

    /** A number, or one of the declared words ({@code none=0}). */
    private static CommandLine.ITypeConverter<Double> words(String[] words) {
        Map<String, Double> byWord = new LinkedHashMap<>();
        for (String w : words) {
            String[] parts = w.split("=", 2);
            byWord.put(parts[0], JsonParser.parseString(parts[1]).getAsDouble());
        }
        return value -> {
            Double word = byWord.get(value.toLowerCase(Locale.ROOT));
            if (word != null) {
                return word;
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException(
                        "'"
                                + value
                                + "' is not a number or "
                                + String.join(
                                        " or ",
                                        Arrays.stream(words)
                                                .map(x -> x.split("=", 2)[0])
                                                .toList()));
            }
        };
    }
}
