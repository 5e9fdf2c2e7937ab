package org.learnability.experiments.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.learnability.experiments.stats.Arm;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ModelGroup;

/**
 * The names of a group's arms by what tells them apart. An arm's variant is a list of settings
 * ({@code schedule=linear;averaging=ema:decay=0.999;...}); a setting that every arm of some modes
 * has, and no arm of the other modes has in any value, is told by the mode (or is the same for
 * every arm): it is stated once, in {@link #shared}, and left out of the arms' names. The rest
 * stays in brackets after the strategy, e.g. {@code mean-ratio:gamma=2 [loss=focal:gamma=2]}; the
 * mode and engine follow in parentheses where the group has several.
 *
 * @param strategies each arm's strategy with the settings that tell it apart
 * @param labels each arm's strategy name with its mode and engine where they vary
 * @param shared the settings left out, each with the modes whose arms have it (all modes: every arm
 *     has it), in the order the arms first have them
 */
record ArmNames(
        Map<Arm, String> strategies, Map<Arm, String> labels, Map<String, List<String>> shared) {

    /** Takes immutable copies. */
    ArmNames {
        strategies = Map.copyOf(strategies);
        labels = Map.copyOf(labels);
        shared = Collections.unmodifiableMap(new LinkedHashMap<>(shared));
    }

    /**
     * Names the arms of a group.
     *
     * @param group the data set and model
     * @return the names
     */
    static ArmNames of(ModelGroup group) {
        List<Arm> arms = group.arms().stream().map(ArmResult::arm).toList();
        Map<String, List<String>> shared = new LinkedHashMap<>();
        for (Arm arm : arms) {
            for (String setting : settings(arm)) {
                if (!shared.containsKey(setting)) {
                    List<String> modes = modesTelling(setting, arms, group.modes());
                    if (modes != null) {
                        shared.put(setting, modes);
                    }
                }
            }
        }
        Map<Arm, String> strategies = new LinkedHashMap<>();
        Map<Arm, String> labels = new LinkedHashMap<>();
        for (Arm arm : arms) {
            List<String> own = new ArrayList<>(settings(arm));
            own.removeAll(shared.keySet());
            String strategy =
                    own.isEmpty()
                            ? arm.strategy()
                            : arm.strategy() + " [" + String.join(";", own) + "]";
            List<String> qualifiers = qualifiers(group, arm);
            strategies.put(arm, strategy);
            labels.put(
                    arm,
                    qualifiers.isEmpty()
                            ? strategy
                            : strategy + " (" + String.join(", ", qualifiers) + ")");
        }
        return new ArmNames(strategies, labels, shared);
    }

    /**
     * The modes whose arms all have a setting, where no arm of another mode has it in any value;
     * {@code null} where some arm of a mode has it and another arm of that mode does not.
     */
    private static List<String> modesTelling(String setting, List<Arm> arms, List<String> modes) {
        String key = key(setting);
        List<String> having = new ArrayList<>();
        for (String mode : modes) {
            List<Arm> ofMode = arms.stream().filter(a -> a.mode().equals(mode)).toList();
            if (ofMode.stream().allMatch(a -> settings(a).contains(setting))) {
                having.add(mode);
            } else if (ofMode.stream().anyMatch(a -> settings(a).stream().anyMatch(keyed(key)))) {
                return null;
            }
        }
        return having;
    }

    private static Predicate<String> keyed(String key) {
        return s -> key(s).equals(key);
    }

    private static List<String> settings(Arm arm) {
        return arm.variant().isEmpty() ? List.of() : Arrays.asList(arm.variant().split(";"));
    }

    private static String key(String setting) {
        int eq = setting.indexOf('=');
        return eq < 0 ? setting : setting.substring(0, eq);
    }

    /** The arm's mode where the group has several, its engine where it has several. */
    static List<String> qualifiers(ModelGroup group, Arm arm) {
        List<String> qualifiers = new ArrayList<>();
        if (group.modes().size() > 1) {
            qualifiers.add(arm.mode());
        }
        if (group.engines().size() > 1) {
            qualifiers.add(arm.engine());
        }
        return qualifiers;
    }

    /**
     * Names an arm for tables and charts.
     *
     * @param arm an arm of the group
     * @return e.g. {@code mean-ratio:gamma=2 (head+posthoc)}
     */
    String label(Arm arm) {
        return labels.get(arm);
    }

    /**
     * Names an arm's strategy with the settings that tell it apart, without its mode and engine.
     *
     * @param arm an arm of the group
     * @return e.g. {@code mean-ratio:gamma=2} or {@code mean-ratio:gamma=2 [loss=focal:gamma=2]}
     */
    String strategy(Arm arm) {
        return strategies.get(arm);
    }

    /**
     * Says which settings the arms share, each group of them with the modes that have them.
     *
     * @param code how to write one setting, e.g. in backticks
     * @param allModes the group's modes
     * @return e.g. {@code every arm: schedule=linear, warmup=0.15; arms of modes finetune,
     *     finetune+posthoc: finetune-lr=0.01}; empty when the arms share none
     */
    String sharedText(UnaryOperator<String> code, List<String> allModes) {
        Map<List<String>, List<String>> byModes = new LinkedHashMap<>();
        shared.forEach(
                (setting, modes) ->
                        byModes.computeIfAbsent(modes, m -> new ArrayList<>())
                                .add(code.apply(setting)));
        List<String> parts = new ArrayList<>();
        byModes.forEach(
                (modes, settings) -> {
                    String whose =
                            modes.equals(allModes)
                                    ? "every arm"
                                    : (modes.size() == 1 ? "arms of mode " : "arms of modes ")
                                            + String.join(", ", modes);
                    parts.add(whose + ": " + String.join(", ", settings));
                });
        return String.join("; ", parts);
    }
}
