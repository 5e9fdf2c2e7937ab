package org.learnability.experiments.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.learnability.experiments.control.ComputeControl;
import org.learnability.experiments.control.ControlSettings;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.mode.PlanView;
import org.learnability.experiments.setting.Setting;

/**
 * Everything that decides which models an experiment trains and how, as typed values checked once:
 * made by {@link PlanCodec} from a preset, command-line options, {@code plan.json} or a grid, and
 * recorded in {@code plan.json} of the experiment directory so that a resumed run can check it
 * continues the same experiment. It is a baseline plan (what makes a seed's baseline), the seeds,
 * and an arm plan (what the experiment builds on each baseline). Each option is declared once, by
 * {@link Setting} on the component that holds it. The engine and the devices are not part of it:
 * runs on both engines may share one directory.
 *
 * @param preset the preset the plan started from
 * @param baseline what makes each seed's baseline
 * @param seeds the seeds, one baseline and one set of weighted models each ({@link SeedList})
 * @param arms what is built on each baseline
 */
public record ExperimentPlan(
        @Setting(
                        order = 0,
                        flag = false,
                        identity = false,
                        help = "the preset the plan started from")
                String preset,
        BaselinePlan baseline,
        @Setting(
                        order = 5,
                        label = "SEEDS",
                        identity = false,
                        help =
                                "The seeds: N for 1 to N, a range such as 4-5, or a list such as"
                                        + " 1,3,7.")
                List<Integer> seeds,
        ArmPlan arms) {

    /**
     * The most seeds a plan may have. Every seed trains a baseline and the weighted models; the
     * report's exact Wilcoxon test takes time that grows with the cube of the seeds (about a second
     * at 1000); and a plan lists its seeds. A plan above this is a typing error, refused before it
     * takes the memory and the time.
     */
    public static final int MAX_SEEDS = 1000;

    /** What a count of seeds must be, for messages. */
    static final String SEEDS_EXPECTED =
            "a whole number from 1 to " + MAX_SEEDS + SeedList.WHY_AT_MOST;

    /** Validates the plan, naming the option at fault. */
    public ExperimentPlan {
        seeds = SeedList.checked(seeds);
        arms.weighting().check(baseline.epochs(), false);
        if (arms.weighting().scoreEpochs() > 1
                && !ValidationSettings.of(arms.modeOptions()).validateEveryEpoch()) {
            throw new IllegalArgumentException(
                    "--score-epochs "
                            + arms.weighting().scoreEpochs()
                            + " averages the validation scores of the last epochs, which"
                            + " --no-validate-every-epoch does not score; use --score-epochs 1"
                            + " or --validate-every-epoch");
        }
        PlanView view = view(baseline, arms);
        arms.mode().forEach(m -> m.check(view));
    }

    /**
     * Counts the models the plan trains (or derives) on one engine.
     *
     * @return seeds x (1 + weighted runs per seed + members + compute-matched controls), members as
     *     {@link ExperimentMode#memberModels} counts them
     */
    public int modelCount() {
        PlanView view = view();
        int members =
                arms.mode().stream().mapToInt(m -> m.memberModels(view, arms.strategies())).sum();
        return seeds.size() * (1 + arms.weightedRuns().size() + members + controls().size());
    }

    /**
     * Returns the compute-matched controls every seed trains ({@link ComputeControl}), if the plan
     * trains them ({@code --controls}).
     *
     * @return one per distinct length above the baseline's, shortest first
     */
    public List<ComputeControl> controls() {
        return ComputeControl.of(
                view(), arms.mode(), ControlSettings.of(arms.modeOptions()).controls());
    }

    /**
     * Tells whether a mode's models are made from the baseline's ({@link
     * ExperimentMode#buildsOnBaseline}: by default, they cost less than a training), so that the
     * baseline's model is loaded rather than trained again, and a grid gives all of a seed's such
     * models one task.
     *
     * @param mode one of the plan's modes
     * @return {@code true} for {@code posthoc}, {@code finetune}, {@code head}, {@code ensemble}
     */
    public boolean buildsOnBaseline(ExperimentMode mode) {
        return mode.buildsOnBaseline(view());
    }

    /**
     * Returns the plan's modes in the order they run: the plan's, except that a mode whose models
     * another mode also records ({@link ExperimentMode#alsoRecords}), and a mode deriving from such
     * a mode, run after the others, so that the shared model is trained once and then found
     * recorded ({@code two-stage} after {@code ensemble}).
     *
     * @return the modes
     */
    public List<ExperimentMode> runOrder() {
        PlanView view = view();
        Set<String> recorded = new HashSet<>();
        arms.mode().forEach(m -> recorded.addAll(m.alsoRecords(view)));
        List<ExperimentMode> first = new ArrayList<>();
        List<ExperimentMode> later = new ArrayList<>();
        for (ExperimentMode m : arms.mode()) {
            boolean after =
                    recorded.contains(m.name()) || m.source().map(recorded::contains).orElse(false);
            (after ? later : first).add(m);
        }
        first.addAll(later);
        return first;
    }

    /**
     * Returns what a mode reads of this plan.
     *
     * @return the view
     */
    public PlanView view() {
        return view(baseline, arms);
    }

    private static PlanView view(BaselinePlan baseline, ArmPlan arms) {
        return new PlanView(
                baseline.epochs(),
                baseline.valSize(),
                arms.rounds(),
                arms.maxAccuracyDrop(),
                arms.weighting(),
                arms.modeOptions());
    }
}
