package org.learnability.experiments.stats;

import org.learnability.experiments.record.Head;

/**
 * A weighted model beside the baseline of the same engine and seed, on the test split:
 *
 * <pre>
 *   D          = Var(s) - Var(s')             s the baseline's TPRs, s' the weighted model's (Eq. 7)
 *   delta acc  = accuracy(s') - accuracy(s)
 * </pre>
 *
 * {@code D > 0} means the weighting narrowed the spread of the per-class TPRs. A model whose head
 * was re-trained on half the validation split is compared there with the baseline's scores on the
 * other half, the one it did not see (recorded with it).
 *
 * @param baseline the baseline (strategy {@code uniform}, round 0)
 * @param weighted the weighted model
 */
public record PairedComparison(ModelFigures baseline, ModelFigures weighted) {

    /** Checks that the two models belong together. */
    public PairedComparison {
        if (baseline.seed() != weighted.seed()
                || !baseline.run()
                        .provenance()
                        .engine()
                        .equals(weighted.run().provenance().engine())) {
            throw new IllegalArgumentException(
                    "cannot pair "
                            + weighted.run().key()
                            + " with the baseline "
                            + baseline.run().key()
                            + ": engine and seed must match");
        }
        if (weighted.run().parts().has(Head.PART) && !baseline.run().parts().has(Head.PART)) {
            // a re-trained head is judged on the validation images it did not train on: so is
            // the baseline it is compared with there
            baseline =
                    baseline.withValidation(
                            Figures.of(
                                    weighted.run()
                                            .parts()
                                            .get(Head.PART, Head.class)
                                            .orElseThrow()
                                            .baselineUnseen()));
        }
    }

    /**
     * Returns the seed.
     *
     * @return the seed of both models
     */
    public int seed() {
        return weighted.seed();
    }

    /**
     * Returns the round of the weighted model.
     *
     * @return its round
     */
    public int round() {
        return weighted.run().arm().round();
    }

    /**
     * The reduction of the TPR variance on the test split, Eq. 7.
     *
     * @return {@code Var(s) - Var(s')}
     */
    public double d() {
        return baseline.test().variance() - weighted.test().variance();
    }

    /**
     * How much the standard deviation of the per-class TPRs shrank against the baseline, on the
     * test split: {@code 1 - sd(s') / sd(s)}; 0 is no change, 1 is every class equal, negative a
     * wider spread. Undefined (NaN) when the baseline's classes are already equal.
     *
     * @return the relative reduction
     */
    public double sdReduction() {
        return sdReduction(baseline.test(), weighted.test());
    }

    /**
     * The change in test accuracy.
     *
     * @return {@code accuracy(s') - accuracy(s)}
     */
    public double deltaAccuracy() {
        return weighted.test().accuracy() - baseline.test().accuracy();
    }

    /**
     * The change of the spread per unit of error on the test split ({@link Figures#sdPerError()}).
     *
     * @return {@code sd(s')/(1 - acc') - sd(s)/(1 - acc)}; &lt; 0 is more even per unit of error
     */
    public double deltaSdPerError() {
        return weighted.test().sdPerError() - baseline.test().sdPerError();
    }

    /**
     * {@link #sdReduction()} on the validation split, where an arm is chosen.
     *
     * @return {@code 1 - sd(s'_val) / sd(s_val)}, NaN when the baseline's classes are equal
     */
    public double validationSdReduction() {
        return sdReduction(baseline.validation(), weighted.validation());
    }

    /**
     * {@link #deltaAccuracy()} on the validation split.
     *
     * @return {@code accuracy(s'_val) - accuracy(s_val)}
     */
    public double validationDeltaAccuracy() {
        return weighted.validation().accuracy() - baseline.validation().accuracy();
    }

    private static double sdReduction(Figures before, Figures after) {
        double sd = before.standardDeviation();
        return sd == 0 ? Double.NaN : 1 - after.standardDeviation() / sd;
    }
}
