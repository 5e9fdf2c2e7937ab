package org.learnability.experiments.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a small {@code run}: {@code cnn-small} on synthetic Fashion-MNIST files, 200
 * training and 100 validation images, one epoch of batch 32 on the CPU, mode {@code two-stage}, no
 * bound on the weights, no plugins, no progress bar. Options given replace these or add to them.
 */
public final class SmallRun {

    private SmallRun() {}

    /**
     * Returns the arguments.
     *
     * @param data the synthetic Fashion-MNIST directory
     * @param dir the test's directory, for an empty plugins directory
     * @param options option-value pairs that replace the defaults or add to them; a null value
     *     leaves the option out
     * @return the arguments, starting with {@code run}
     */
    public static List<String> args(Path data, Path dir, String... options) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("--dataset", "fashion-mnist");
        values.put("--data-dir", data.toString());
        values.put("--model", "cnn-small");
        values.put("--train-size", "200");
        values.put("--val-size", "100");
        values.put("--epochs", "1");
        values.put("--batch-size", "32");
        values.put("--devices", "cpu");
        values.put("--mode", "two-stage");
        // the source paper's method: no bound on the weights (the quick preset has one)
        values.put("--max-weight-ratio", "none");
        values.put("--plugins", CliRun.noPlugins(dir));
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], options[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("run", "--no-progress"));
        values.forEach(
                (option, value) -> {
                    if (value != null) {
                        args.add(option);
                        args.add(value);
                    }
                });
        return args;
    }
}
