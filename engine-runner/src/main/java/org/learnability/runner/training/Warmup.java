package org.learnability.runner.training;

import java.math.BigDecimal;

/**
 * A linear learning-rate warm-up over the first part of a run's updates, before the {@link
 * TrainingSettings.Schedule}, which then runs over the updates that remain (Goyal et al.,
 * "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour", 2017). Over {@code T} updates with
 * {@code k = round(fraction * T)} (at most {@code T - 1}), the rate of update {@code t} (from 1,
 * DJL's count) is
 *
 * <pre>
 *   lr(t) = lr * t / k                  t &lt; k
 *   lr(t) = schedule(t - k; T - k)      t &gt;= k, the schedule over T - k updates from its start
 * </pre>
 *
 * DJL's {@link ai.djl.training.tracker.WarmUpTracker} in front of the schedule's tracker. A warm-up
 * followed by {@code cosine} or {@code linear} decay to 0 is the one-cycle policy of Smith and
 * Topin ("Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates",
 * 2019) for the learning rate; its momentum is not cycled here.
 *
 * @param fraction the share of the run's updates spent warming up, in [0, 1); 0 for none
 */
public record Warmup(double fraction) {

    /** No warm-up: today's schedules. */
    public static final Warmup NONE = new Warmup(0);

    /** Validates the record. */
    public Warmup {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException(
                    "--warmup is " + fraction + "; expected a fraction of the updates in [0, 1)");
        }
    }

    /**
     * Parses a value as written on a command line.
     *
     * @param text the fraction, e.g. {@code 0.2}; {@code 0} or {@code none} for none
     * @return the warm-up
     * @throws IllegalArgumentException naming what is wrong and what is valid
     */
    public static Warmup parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("none")) {
            return NONE;
        }
        try {
            return new Warmup(Double.parseDouble(trimmed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "warm-up '" + text + "'; expected a fraction of the updates in [0, 1)", e);
        }
    }

    /** Returns true if there is no warm-up. */
    public boolean isNone() {
        return fraction == 0;
    }

    /**
     * Returns the number of warm-up updates in a run.
     *
     * @param updates {@code T}, the updates of the run, &gt;= 1
     * @return {@code k = round(fraction * T)}, at most {@code T - 1} so that the schedule keeps one
     */
    public int steps(int updates) {
        return (int) Math.min(Math.round(fraction * updates), Math.max(0, updates - 1));
    }

    /**
     * Returns the warm-up as {@link #parse} reads it.
     *
     * @return e.g. {@code 0} or {@code 0.2}
     */
    @Override
    public String toString() {
        return BigDecimal.valueOf(fraction).stripTrailingZeros().toPlainString();
    }
}
