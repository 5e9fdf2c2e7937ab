package org.learnability.experiments.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.learnability.experiments.setting.Settings;

/**
 * What a plan's models were made under, as two SHA-256 digests that every record carries, so that a
 * directory whose {@code plan.json} is gone still refuses a run under other options: a baseline's
 * is its {@link BaselinePlan}'s (a baseline is shared by every experiment with the same one); a
 * weighted model's is every option that is {@linkplain
 * org.learnability.experiments.setting.Setting#identity part of a model's identity} (all but the
 * seeds, strategies and modes, which only choose which models there are). An option at the value it
 * declares for older plans is left out, so that adding an option keeps every digest.
 *
 * @param baseline the digest of a baseline's options
 * @param arm the digest of a weighted model's options
 */
public record PlanIdentity(String baseline, String arm) {

    /**
     * Returns the digests of a plan's options.
     *
     * @param options every option of a plan, as {@link PlanCodec#encode} gives them
     * @param declarations every plan option ({@link PlanSchema#declarations})
     * @return the digests a baseline and a weighted model of the plan carry
     */
    static PlanIdentity from(JsonObject options, List<Settings.Declaration> declarations) {
        List<String> baseline =
                Settings.declarations(BaselinePlan.class).stream()
                        .map(Settings.Declaration::key)
                        .toList();
        JsonObject baselineOptions = new JsonObject();
        JsonObject armOptions = new JsonObject();
        for (Settings.Declaration d : declarations) {
            JsonElement value = options.get(d.key());
            if (!d.setting().identity() || d.since().map(value::equals).orElse(false)) {
                continue;
            }
            armOptions.add(d.key(), value);
            if (baseline.contains(d.key())) {
                baselineOptions.add(d.key(), value);
            }
        }
        return new PlanIdentity(sha256(baselineOptions), sha256(armOptions));
    }

    private static String sha256(JsonObject options) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(options.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
    }

    /**
     * Returns the digest a model of this plan carries.
     *
     * @param isBaseline whether the model is a baseline
     * @return the digest
     */
    public String of(boolean isBaseline) {
        return isBaseline ? baseline : arm;
    }
}
