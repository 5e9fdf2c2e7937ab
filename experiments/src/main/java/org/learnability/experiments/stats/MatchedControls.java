package org.learnability.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.learnability.experiments.control.ComputeControl;
import org.learnability.experiments.record.RunRecord;

/**
 * Pairs every weighted arm of a group with its controls ({@link ControlComparison}), from the
 * records alone:
 *
 * <ul>
 *   <li>its compute-matched control: a model's {@code totalImages} T (its own training and what it
 *       builds on) against its baseline's trained images B; T &le; B: the baseline; else the
 *       control record ({@link ComputeControl}, mode {@value ComputeControl#MODE}) of its engine
 *       and seed of {@code ceil(T / training images)} epochs. An arm whose records predate {@code
 *       totalImages} has none;
 *   <li>for an arm of mode {@value #ENSEMBLE} (or one deriving from it, {@code ensemble+...}) with
 *       weights: the uniform ensemble of the same size, the arm of mode {@value #ENSEMBLE},
 *       strategy {@code uniform} and the same variant (which carries the size); a uniform arm
 *       ({@code ensemble+posthoc uniform}: no weights, so no offsets) is that ensemble itself.
 * </ul>
 *
 * The controls themselves are not compared.
 */
public final class MatchedControls {

    /** The mode whose uniform arm is a weighted ensemble's second control. */
    public static final String ENSEMBLE = "ensemble";

    private MatchedControls() {}

    /**
     * Returns every weighted arm's comparisons with its controls, arm by arm in the group's order.
     *
     * @param group the data set and model
     * @return the comparisons; an arm whose cost is not recorded has no compute-matched one
     */
    public static List<ControlComparison> of(ModelGroup group) {
        List<ControlComparison> all = new ArrayList<>();
        group.weighted().forEach(arm -> all.addAll(of(group, arm)));
        return all;
    }

    /**
     * Returns one arm's comparisons with its controls.
     *
     * @param group the arm's group
     * @param arm one of its weighted arms
     * @return the compute-matched control's first, then the uniform ensemble's; empty for a control
     */
    public static List<ControlComparison> of(ModelGroup group, ArmResult arm) {
        if (isControl(arm)) {
            return List.of();
        }
        List<ControlComparison> found = new ArrayList<>();
        computeMatched(group, arm).ifPresent(found::add);
        uniformEnsemble(group, arm).ifPresent(found::add);
        return found;
    }

    /**
     * Tells whether an arm is a compute-matched control's.
     *
     * @param arm the arm
     * @return {@code true} for mode {@value ComputeControl#MODE}
     */
    public static boolean isControl(ArmResult arm) {
        return arm.arm().mode().equals(ComputeControl.MODE);
    }

    private static Optional<ControlComparison> computeMatched(ModelGroup group, ArmResult arm) {
        String name = null;
        List<PairedComparison> pairs = new ArrayList<>();
        for (PairedComparison p : arm.pairs()) {
            RunRecord model = p.weighted().run();
            Long total = model.cost().totalImages();
            if (total == null) {
                return Optional.empty();
            }
            if (total <= p.baseline().run().trainedImages()) {
                name = ControlComparison.BASELINE;
                pairs.add(p);
                continue;
            }
            int epochs = (int) Math.ceil(total / (double) model.training().trainSize());
            name = ComputeControl.label(epochs, model.training().epochs());
            control(group, arm, p.seed(), epochs)
                    .ifPresent(c -> pairs.add(new PairedComparison(c, p.weighted())));
        }
        return Optional.ofNullable(name).map(n -> new ControlComparison(arm, n, pairs));
    }

    /** The control of an arm's engine and seed that trained a number of epochs. */
    private static Optional<ModelFigures> control(
            ModelGroup group, ArmResult arm, int seed, int epochs) {
        return group.arms().stream()
                .filter(MatchedControls::isControl)
                .filter(c -> c.arm().engine().equals(arm.arm().engine()))
                .flatMap(c -> c.models().stream())
                .filter(m -> m.seed() == seed && m.run().training().epochs() == epochs)
                .findFirst();
    }

    private static Optional<ControlComparison> uniformEnsemble(ModelGroup group, ArmResult arm) {
        Arm uniform =
                new Arm(
                        arm.arm().engine(),
                        ENSEMBLE,
                        RunRecord.BASELINE,
                        arm.arm().variant(),
                        false);
        boolean ensemble =
                arm.arm().mode().equals(ENSEMBLE) || arm.arm().mode().startsWith(ENSEMBLE + "+");
        if (!ensemble || arm.arm().strategy().equals(RunRecord.BASELINE)) {
            return Optional.empty();
        }
        return group.arms().stream()
                .filter(a -> a.arm().equals(uniform))
                .findFirst()
                .map(
                        u -> {
                            List<PairedComparison> pairs = new ArrayList<>();
                            for (ModelFigures m : arm.models()) {
                                u.models().stream()
                                        .filter(c -> c.seed() == m.seed())
                                        .findFirst()
                                        .ifPresent(c -> pairs.add(new PairedComparison(c, m)));
                            }
                            return new ControlComparison(arm, "uniform ensemble", pairs);
                        });
    }
}
