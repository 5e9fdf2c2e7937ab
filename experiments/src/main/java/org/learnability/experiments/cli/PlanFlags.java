package org.learnability.experiments.cli;

import com.google.gson.JsonParser;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.experiments.plan.PlanOptions;
import org.learnability.experiments.setting.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The plan options of {@code run}, made from their declarations ({@link Settings} over {@link
 * ExperimentPlan}): one command-line option per declared plan option, its name, label and help from
 * the declaration, its type from the component's. Only the options given are put over the preset.
 */
final class PlanFlags {

    private PlanFlags() {}

    /**
     * Adds the plan options to a command, after its first option ({@code --preset}) and before the
     * rest.
     *
     * @param command the {@code run} command
     */
    static void addTo(CommandSpec command) {
        List<OptionSpec> after = new ArrayList<>(command.options());
        after.remove(0);
        after.forEach(command::remove);
        for (Settings.Declaration d : Settings.declarations(ExperimentPlan.class)) {
            if (d.setting().flag()) {
                command.addOption(option(d));
            }
        }
        after.forEach(command::addOption);
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
            Settings.byOption(ExperimentPlan.class, option.longestName())
                    .ifPresent(d -> given.put(d.key(), option.getValue()));
        }
        return PlanOptions.of(given, "the command line");
    }

    private static OptionSpec option(Settings.Declaration d) {
        Class<?> type = cliType(d.type());
        OptionSpec.Builder option =
                OptionSpec.builder(d.option())
                        .type(type)
                        .description(d.setting().help())
                        .hasInitialValue(false);
        if (type == Boolean.class) {
            option.negatable(true).arity("0");
        } else {
            option.paramLabel(d.setting().label());
        }
        if (d.setting().words().length > 0) {
            option.converters(words(d.setting().words()));
        }
        return option.build();
    }

    /**
     * The type a command line gives: a number for numbers, a count for the seeds, a path for a
     * directory, a text for everything that is parsed by name.
     */
    private static Class<?> cliType(Type type) {
        if (type == int.class) {
            return Integer.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Integer.class) {
            return Integer.class; // seeds: N means 1 to N
        } else if (type instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Path.class) {
            return Path.class;
        }
        return String.class;
    }

    /**
     * {@code --max-weight-ratio} as {@code run} reads it, for other commands that take the option:
     * a number, or {@code none}.
     */
    static final class MaxWeightRatio implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) throws Exception {
            return words(
                            Settings.byOption(ExperimentPlan.class, "--max-weight-ratio")
                                    .orElseThrow()
                                    .setting()
                                    .words())
                    .convert(value);
        }
    }

    /** A number, or one of the declared words ({@code none=0}). */
    private static CommandLine.ITypeConverter<Double> words(String[] words) {
        Map<String, Double> byWord = new LinkedHashMap<>();
        for (String w : words) {
            String[] parts = w.split("=", 2);
            byWord.put(parts[0], JsonParser.parseString(parts[1]).getAsDouble());
        }
        return value -> {
            Double word = byWord.get(value.toLowerCase(java.util.Locale.ROOT));
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
