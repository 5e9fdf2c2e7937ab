package org.learnability.cluster;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.experiments.setting.Settings;

/**
 * Errors of a grid's experiment in the grid file's terms: the plan's checks name a {@code run}
 * option ({@code --weight-ema is 1.5; ...}), which a grid file gives as a key ({@code weightEma}),
 * so the message names the file, the experiment and the key.
 */
final class GridErrors {

    /** An option at the start of a message, and the rest. */
    private static final Pattern OPTION =
            Pattern.compile("(--[a-z][a-z-]*)(\\b.*)", Pattern.DOTALL);

    private GridErrors() {}

    /**
     * Rewrites the error of one experiment's plan.
     *
     * @param file the grid file
     * @param experiment the experiment's name
     * @param e the plan's error
     * @param schema every plan option
     * @return the error naming the file, the experiment and the key; {@code e} itself when it names
     *     the file already
     */
    static IllegalArgumentException inExperiment(
            Path file, String experiment, IllegalArgumentException e, PlanSchema schema) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(file.toString())) {
            return e;
        }
        Matcher option = OPTION.matcher(message);
        if (option.matches()) {
            Optional<String> key = schema.byOption(option.group(1)).map(Settings.Declaration::key);
            if (key.isPresent()) {
                message = key.get() + option.group(2);
            }
        }
        return new IllegalArgumentException(
                file + ": experiment \"" + experiment + "\": " + message, e);
    }
}
