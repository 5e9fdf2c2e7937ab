package org.learnability.experiments.control;

import java.util.List;
import java.util.Locale;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.record.ModelKey;
import org.learnability.experiments.record.RunRecord;
import org.learnability.experiments.record.TrainingVariant;
import org.learnability.experiments.weighting.Weighting;
import org.learnability.runner.training.Averaging;
import org.learnability.runner.training.TrainingSettings;

/**
 * The compute-matched control of the arms whose models cost more than the baseline: an unweighted
 * model of the baseline's recipe trained from scratch on as many images as such a model went
 * through in all ({@link ExperimentMode#totalTrainings}: its own training and the baseline's it
 * builds on), the run stretched over the longer run. More training narrows the per-class spread by
 * itself; an arm that narrows it no more than its control does owes it to the compute, not to its
 * weights.
 *
 * <pre>
 *   epochs = ceil(totalTrainings x E)     E: the baseline's epochs (a cost between whole epochs
 *                                          rounds up: the control never trains less)
 * </pre>
 *
 * The schedule, the warm-up share and the label smoothing are the baseline's and act over all the
 * control's updates; an SWA start given as an epoch is scaled to the longer run. Trained once per
 * seed and length, shared by every arm of that cost; an arm of the baseline's cost has the baseline
 * as its control. Its record: mode {@value #MODE}, strategy {@code uniform}, round 1, the variant
 * {@code epochs=N} before the baseline's training variant, and its part {@link ControlTraining}.
 *
 * @param epochs the control's epochs, above the baseline's
 * @param baselineEpochs the baseline's epochs
 */
public record ComputeControl(int epochs, int baselineEpochs) {

    /** The mode name of a control's records. */
    public static final String MODE = "control";

    /** Checks that the control is longer than the baseline. */
    public ComputeControl {
        if (baselineEpochs < 1 || epochs <= baselineEpochs) {
            throw new IllegalArgumentException(
                    "a control of "
                            + epochs
                            + " epochs is not longer than the baseline's "
                            + baselineEpochs);
        }
    }

    /**
     * Returns the controls the modes of a plan need, one per distinct length, shortest first.
     *
     * @param plan what the modes read of the plan
     * @param modes the plan's modes
     * @param on whether the plan trains controls ({@link ControlSettings})
     * @return the controls; empty when off or when every mode costs what the baseline does
     */
    public static List<ComputeControl> of(PlanView plan, List<ExperimentMode> modes, boolean on) {
        if (!on) {
            return List.of();
        }
        return modes.stream()
                .mapToInt(m -> epochs(m.totalTrainings(plan), plan.epochs()))
                .filter(n -> n > plan.epochs())
                .distinct()
                .sorted()
                .mapToObj(n -> new ComputeControl(n, plan.epochs()))
                .toList();
    }

    /**
     * Tells whether a record is a compute-matched control's.
     *
     * @param record the record
     * @return {@code true} for mode {@value #MODE}
     */
    public static boolean isControl(RunRecord record) {
        return record.arm().mode().equals(MODE);
    }

    /**
     * Returns the epochs of the control of a cost.
     *
     * @param trainings the cost in trainings of the baseline's recipe
     * @param baselineEpochs the baseline's epochs
     * @return {@code ceil(trainings x E)}, a hair of rounding error forgiven
     */
    public static int epochs(double trainings, int baselineEpochs) {
        return (int) Math.ceil(trainings * baselineEpochs - 1e-9);
    }

    /**
     * Returns the control's length in trainings of the baseline's recipe.
     *
     * @return {@code epochs / E}
     */
    public double trainings() {
        return epochs / (double) baselineEpochs;
    }

    /**
     * Returns the key of the control of a seed.
     *
     * @param engine the engine's name
     * @param seed the seed
     * @param training the baseline's training variant, which the control shares
     * @return e.g. {@code pytorch/1/control/uniform[epochs=30]/1}
     */
    public ModelKey key(String engine, int seed, TrainingVariant training) {
        return new ModelKey(
                engine,
                seed,
                MODE,
                ModelKey.BASELINE,
                ModelKey.variant(Weighting.PAPER, List.of("epochs=" + epochs), training),
                1);
    }

    /**
     * Returns the baseline's training settings stretched to the control's epochs.
     *
     * @param baseline the baseline's settings
     * @return the same recipe over {@code epochs}
     */
    public TrainingSettings settings(TrainingSettings baseline) {
        Averaging a = baseline.averaging();
        Averaging averaging =
                a.kind() == Averaging.Kind.SWA && a.start() > 0
                        ? new Averaging(
                                a.kind(),
                                a.decay(),
                                (int) Math.round((a.start() - 1) * trainings()) + 1)
                        : a;
        return baseline.withEpochs(epochs).withAveraging(averaging);
    }

    /**
     * Returns what the control's record says of its training.
     *
     * @param settings the control's settings ({@link #settings})
     * @return its part
     */
    public ControlTraining part(TrainingSettings settings) {
        return new ControlTraining(
                epochs,
                baselineEpochs,
                settings.learningRate(),
                settings.schedule().name().toLowerCase(Locale.ROOT),
                settings.warmup().fraction(),
                settings.averaging().toString());
    }

    /**
     * Names the control for reports and progress lines.
     *
     * @return e.g. {@code control ×2}, or {@code control ×1.07 (16 epochs)} between whole multiples
     */
    public String label() {
        return label(epochs, baselineEpochs);
    }

    /**
     * Names a control of some epochs.
     *
     * @param epochs its epochs
     * @param baselineEpochs the baseline's
     * @return e.g. {@code control ×2}
     */
    public static String label(int epochs, int baselineEpochs) {
        if (epochs % baselineEpochs == 0) {
            return "control ×" + epochs / baselineEpochs;
        }
        return String.format(
                Locale.ROOT,
                "control ×%s (%d epochs)",
                Weighting.number(Math.round(100.0 * epochs / baselineEpochs) / 100.0),
                epochs);
    }
}
