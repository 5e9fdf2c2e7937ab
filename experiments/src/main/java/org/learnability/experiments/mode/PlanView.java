package org.learnability.experiments.mode;

import org.learnability.experiments.setting.OptionGroups;
import org.learnability.experiments.weighting.Weighting;

/**
 * What a mode reads of the plan it runs in: the baseline's epochs and validation images, the
 * rounds, the accuracy a choice made on validation may give up, the weighting, and every mode's own
 * options.
 *
 * @param epochs the baseline's training epochs
 * @param valSize the validation images (0: the data set's default)
 * @param rounds the weighted rounds
 * @param maxAccuracyDrop the validation accuracy a choice made on validation may give up
 * @param weighting how the weights act, as the plan gives it
 * @param options every registered mode's own options
 */
public record PlanView(
        int epochs,
        int valSize,
        int rounds,
        double maxAccuracyDrop,
        Weighting weighting,
        OptionGroups options) {

    /**
     * Returns a mode's own options ({@link ExperimentMode#settings}).
     *
     * @param group the mode's settings type
     * @param <S> the type
     * @return the values
     */
    public <S extends Record> S settings(Class<S> group) {
        return options.get(group);
    }
}
