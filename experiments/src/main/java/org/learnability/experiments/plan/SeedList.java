package org.learnability.experiments.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The seeds of a plan as a command line, a grid file or {@code plan.json} writes them: {@code N}
 * for seeds 1 to N, a range {@code FROM-TO} ({@code 4-5}), or a comma-separated list of seeds and
 * ranges ({@code 1,3,7}, {@code 1-3,7}); each seed a whole number from 1, given once, at most
 * {@link ExperimentPlan#MAX_SEEDS} of them. A seed alone decides its models (its splits, initial
 * weights, batch order), whatever other seeds the plan lists: seeds 1-3 run on one machine and 4-5
 * on another under the same other options are the models of one experiment.
 */
public final class SeedList {

    /** One item of a list: a seed, or a range of seeds. */
    private static final Pattern ITEM = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");

    /** Why a plan has at most {@link ExperimentPlan#MAX_SEEDS} seeds, for messages. */
    static final String WHY_AT_MOST =
            " (each seed trains its own models, and the report's exact rank test grows with the"
                    + " cube of the seeds)";

    private SeedList() {}

    /**
     * Reads seeds in their written form.
     *
     * @param text {@code N}, {@code FROM-TO}, or a comma-separated list of seeds and ranges
     * @return the seeds, in the order written
     * @throws IllegalArgumentException in one line naming {@code --seeds} and what is expected
     */
    public static List<Integer> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.matches("\\d+")) {
            int n = count(trimmed);
            return IntStream.rangeClosed(1, n).boxed().toList();
        }
        List<Integer> seeds = new ArrayList<>();
        for (String item : trimmed.split(",", -1)) {
            Matcher m = ITEM.matcher(item.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "--seeds is "
                                + text
                                + "; expected N (seeds 1 to N), a range such as 4-5 or a list"
                                + " such as 1,3,7");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from) {
                throw new IllegalArgumentException(
                        "--seeds is "
                                + text
                                + "; a range goes from the lower seed to the higher, e.g. "
                                + to
                                + "-"
                                + from);
            }
            if (seeds.size() + (to - from + 1L) > ExperimentPlan.MAX_SEEDS) {
                throw new IllegalArgumentException(
                        "--seeds is "
                                + text
                                + "; expected at most "
                                + ExperimentPlan.MAX_SEEDS
                                + " seeds"
                                + WHY_AT_MOST);
            }
            IntStream.rangeClosed(from, to).forEach(seeds::add);
        }
        return checked(seeds);
    }

    /** {@code N}: seeds 1 to N. */
    private static int count(String text) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            n = Integer.MAX_VALUE; // more digits than any count
        }
        if (n < 1 || n > ExperimentPlan.MAX_SEEDS) {
            throw new IllegalArgumentException(
                    "--seeds is " + text + "; expected " + ExperimentPlan.SEEDS_EXPECTED);
        }
        return n;
    }

    /**
     * Checks a list of seeds: at least one, at most {@link ExperimentPlan#MAX_SEEDS}, each from 1
     * and given once.
     *
     * @param seeds the seeds
     * @return an unmodifiable copy
     * @throws IllegalArgumentException naming {@code --seeds} and the seed at fault
     */
    static List<Integer> checked(List<Integer> seeds) {
        List<Integer> copy = List.copyOf(seeds);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("--seeds is 0; expected at least 1");
        }
        if (copy.size() > ExperimentPlan.MAX_SEEDS) {
            throw new IllegalArgumentException(
                    "--seeds is " + copy.size() + "; expected " + ExperimentPlan.SEEDS_EXPECTED);
        }
        Set<Integer> seen = new HashSet<>();
        for (int seed : copy) {
            if (seed < 1) {
                throw new IllegalArgumentException(
                        "--seeds lists seed " + seed + "; a seed is a whole number from 1");
            }
            if (!seen.add(seed)) {
                throw new IllegalArgumentException(
                        "--seeds lists seed " + seed + " twice; give each seed once");
            }
        }
        return copy;
    }

    /**
     * Writes seeds in their shortest form that reads back the same: {@code N} for seeds 1 to N,
     * else runs of consecutive seeds as ranges, e.g. {@code 4-5} or {@code 1-3,7}, and a lone seed
     * {@code s} other than 1 as {@code s-s} (a lone number is a count).
     *
     * @param seeds the seeds, in order
     * @return the text {@link #parse} reads back to them
     */
    public static String text(List<Integer> seeds) {
        if (IntStream.range(0, seeds.size()).allMatch(i -> seeds.get(i) == i + 1)) {
            return Integer.toString(seeds.size());
        }
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= seeds.size(); i++) {
            if (i == seeds.size() || seeds.get(i) != seeds.get(i - 1) + 1) {
                int from = seeds.get(start);
                int to = seeds.get(i - 1);
                runs.add(from == to ? Integer.toString(from) : from + "-" + to);
                start = i;
            }
        }
        if (seeds.size() == 1) {
            return seeds.get(0) + "-" + seeds.get(0);
        }
        return String.join(",", runs);
    }
}
