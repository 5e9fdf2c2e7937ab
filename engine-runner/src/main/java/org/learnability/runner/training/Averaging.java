package org.learnability.runner.training;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learnability.api.strategy.StrategySpec;

/**
 * How a model's parameters are averaged over its training; the averaged parameters are the ones
 * scored and recorded ({@link ParameterAverage}, {@link BatchNormStatistics}).
 *
 * <pre>
 *   none               the parameters of the last step
 *   ema:decay=D        after every step  a = d_t * a + (1 - d_t) * p,  d_t = min(D, (1 + t) / (10 + t))
 *   swa:start=E        after every epoch e >= E (from 1)  a = a + (p - a) / n,  n = epochs averaged
 * </pre>
 *
 * EMA is Polyak averaging as in TensorFlow's {@code ExponentialMovingAverage} with {@code
 * num_updates} (t = steps so far), whose warm-up keeps the first, random parameters from lingering
 * in a short run; SWA is stochastic weight averaging (Izmailov et al., 2018, "Averaging Weights
 * Leads to Wider Optima and Better Generalization"), the uniform mean of end-of-epoch parameters,
 * by default over the second half of the epochs.
 *
 * @param kind none, ema or swa
 * @param decay D of ema, in (0, 1); 0 otherwise
 * @param start E of swa, the first epoch averaged (from 1), below the number of epochs; 0 for the
 *     second half of the epochs (E = epochs / 2 + 1)
 */
public record Averaging(Kind kind, double decay, int start) {

    /** No averaging: today's behaviour. */
    public static final Averaging NONE = new Averaging(Kind.NONE, 0, 0);

    /** The decay of {@code ema} when none is given. */
    public static final double DEFAULT_DECAY = 0.999;

    /** The kinds of averaging. */
    public enum Kind {
        /** No averaging. */
        NONE,
        /** An exponential moving average, updated after every step. */
        EMA,
        /** The uniform mean of end-of-epoch parameters. */
        SWA
    }

    /** Validates the parameters, naming the option. */
    public Averaging {
        if (kind == Kind.EMA && !(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException(
                    "--averaging ema:decay=" + decay + "; expected a decay in (0, 1)");
        }
        if (kind == Kind.SWA && start < 0) {
            throw new IllegalArgumentException(
                    "--averaging swa:start=" + start + "; expected a first epoch >= 1");
        }
    }

    /**
     * Parses a spec.
     *
     * @param text {@code none}, {@code ema}, {@code ema:decay=D}, {@code swa} or {@code
     *     swa:start=E}
     * @return the averaging
     * @throws IllegalArgumentException naming what is wrong and what is valid
     */
    public static Averaging parse(String text) {
        StrategySpec spec;
        try {
            spec = StrategySpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--averaging '" + text + "': " + e.getMessage(), e);
        }
        Map<String, String> parameters = spec.parameters();
        return switch (spec.name().toLowerCase(Locale.ROOT)) {
            case "none" -> {
                known(text, parameters, Set.of());
                yield NONE;
            }
            case "ema" -> {
                known(text, parameters, Set.of("decay"));
                yield new Averaging(Kind.EMA, number(text, parameters, "decay", DEFAULT_DECAY), 0);
            }
            case "swa" -> {
                known(text, parameters, Set.of("start"));
                double start = number(text, parameters, "start", 0);
                if (start != Math.rint(start) || start < 1 && parameters.containsKey("start")) {
                    throw new IllegalArgumentException(
                            "--averaging "
                                    + text
                                    + ": start is "
                                    + parameters.get("start")
                                    + "; expected a whole epoch number >= 1");
                }
                yield new Averaging(Kind.SWA, 0, (int) start);
            }
            default ->
                    throw new IllegalArgumentException(
                            "--averaging '"
                                    + text
                                    + "': unknown averaging '"
                                    + spec.name()
                                    + "'; expected none, ema[:decay=D] or swa[:start=E]");
        };
    }

    private static void known(String text, Map<String, String> parameters, Set<String> keys) {
        for (String key : parameters.keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(
                        "--averaging "
                                + text
                                + ": unknown parameter '"
                                + key
                                + "'; expected "
                                + (keys.isEmpty() ? "none" : String.join(", ", keys)));
            }
        }
    }

    private static double number(
            String text, Map<String, String> parameters, String key, double fallback) {
        String value = parameters.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--averaging " + text + ": " + key + " is '" + value + "'; expected a number",
                    e);
        }
    }

    /**
     * Checks the averaging against the epochs of a training.
     *
     * @param epochs the epochs
     * @throws IllegalArgumentException when the first epoch of swa is not below the epochs
     */
    public void check(int epochs) {
        if (kind == Kind.SWA && start != 0 && start >= epochs) {
            throw new IllegalArgumentException(
                    "--averaging swa:start="
                            + start
                            + "; expected a first epoch below --epochs ("
                            + epochs
                            + ")");
        }
    }

    /**
     * Returns the first epoch SWA averages, from 1.
     *
     * @param epochs the epochs of the training
     * @return {@code start}, or {@code epochs / 2 + 1} when it is 0
     */
    public int firstEpoch(int epochs) {
        return start != 0 ? start : epochs / 2 + 1;
    }

    /**
     * Returns the spec, as plans, records and keys name it.
     *
     * @return e.g. {@code none}, {@code ema:decay=0.999} or {@code swa}
     */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case EMA -> "ema:decay=" + plain(decay);
            case SWA -> start == 0 ? "swa" : "swa:start=" + start;
        };
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
