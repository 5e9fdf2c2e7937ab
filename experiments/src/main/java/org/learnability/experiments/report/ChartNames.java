package org.learnability.experiments.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.learnability.experiments.stats.Arm;
import org.learnability.experiments.stats.ArmResult;
import org.learnability.experiments.stats.ModelGroup;

/**
 * The file names of one data set and model's charts: {@code tpr.png}, {@code weights.png}, {@code
 * variance.png}, {@code tradeoff.png} and {@code confusion-<arm>.png} per arm, the arm named by its
 * strategy and the settings that tell it apart from the group's other arms ({@link ArmNames}), made
 * safe for a file name ({@code mean-ratio:gamma=2} gives {@code confusion-mean-ratio-gamma-2.png}).
 * The mode and engine join an arm's name when the group has several; a name still longer than
 * {@link #LONGEST} characters is cut and ends with a digest of the arm, the report giving which arm
 * each file shows. When a directory holds several data sets or models, every name ends with {@code
 * -<dataset>-<model>}.
 *
 * @param tpr per-class TPR bars
 * @param weights class weights (written only when there is a weighted arm)
 * @param variance Var(s) per strategy over seeds
 * @param confusion the heat map of every arm
 * @param tradeoff spread reduction against accuracy change (written only when there is a weighted
 *     arm)
 * @param epochs the per-class validation TPR by epoch of every arm (written for arms whose records
 *     have per-epoch scores)
 * @param forest every compared arm's spread reduction with its interval, the recommended one marked
 *     (written only when there is a weighted arm)
 * @param cost spread reduction against each arm's own wall minutes (written only when the arms
 *     record their cost and some arm is built on the baseline by training)
 * @param frontier the offsets' trade-off frontier of the arms that record one (written only when an
 *     arm does)
 */
public record ChartNames(
        String tpr,
        String weights,
        String variance,
        Map<Arm, String> confusion,
        String tradeoff,
        Map<Arm, String> epochs,
        String forest,
        String cost,
        String frontier) {

    /** The longest name of an arm's file, before its prefix, suffix and extension. */
    static final int LONGEST = 60;

    private static final int DIGEST = 8;

    /** Takes immutable copies, in the order given. */
    public ChartNames {
        confusion = Collections.unmodifiableMap(new LinkedHashMap<>(confusion));
        epochs = Collections.unmodifiableMap(new LinkedHashMap<>(epochs));
    }

    /**
     * Names the charts of a group.
     *
     * @param group the data set and model
     * @param qualify whether to add the data set and model to every name
     * @return the names
     */
    public static ChartNames of(ModelGroup group, boolean qualify) {
        String suffix = qualify ? "-" + slug(group.dataset() + "-" + group.model()) : "";
        return new ChartNames(
                "tpr" + suffix + ".png",
                "weights" + suffix + ".png",
                "variance" + suffix + ".png",
                perArm("confusion-", group, suffix),
                "tradeoff" + suffix + ".png",
                perArm("epochs-", group, suffix),
                "forest" + suffix + ".png",
                "cost" + suffix + ".png",
                "frontier" + suffix + ".png");
    }

    /**
     * A file per arm: the prefix, the arm's strategy with the settings that tell it apart ({@link
     * ArmNames}), its mode and engine where they vary; a name longer than {@link #LONGEST}
     * characters is cut and ends with a digest of the arm instead.
     */
    private static Map<Arm, String> perArm(String prefix, ModelGroup group, String suffix) {
        ArmNames armNames = ArmNames.of(group);
        Map<Arm, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (ArmResult result : group.arms()) {
            Arm arm = result.arm();
            StringBuilder name = new StringBuilder(slug(armNames.strategy(arm)));
            ArmNames.qualifiers(group, arm).forEach(q -> name.append('-').append(slug(q)));
            String stem = name.toString();
            if (stem.length() > LONGEST) {
                String cut = stem.substring(0, LONGEST - DIGEST);
                stem = cut.substring(0, Math.max(1, cut.lastIndexOf('-'))) + "-" + digest(arm);
            }
            String unique = prefix + stem + suffix;
            for (int i = 2; !taken.add(unique); i++) {
                unique = prefix + stem + suffix + "-" + i;
            }
            names.put(arm, unique + ".png");
        }
        return names;
    }

    /** The first hex digits of the SHA-256 of the arm's engine, mode, strategy and variant. */
    private static String digest(Arm arm) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(
                                    String.join(
                                                    "/",
                                                    arm.engine(),
                                                    arm.mode(),
                                                    arm.strategy(),
                                                    arm.variant())
                                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, DIGEST);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Makes text safe for a file name: lower case, every run of characters other than letters,
     * digits and dots replaced by one {@code -}.
     *
     * @param text e.g. {@code mean-ratio:gamma=2}
     * @return e.g. {@code mean-ratio-gamma-2}
     */
    public static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9.]+", "-")
                        .replaceAll("^[-.]+|-+$", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
