package org.learnability.experiments.plan;

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
     * Returns the digest a model of this plan carries.
     *
     * @param isBaseline whether the model is a baseline
     * @return the digest
     */
    public String of(boolean isBaseline) {
        return isBaseline ? baseline : arm;
    }
}
