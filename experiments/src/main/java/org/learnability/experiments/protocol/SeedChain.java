package org.learnability.experiments.protocol;

import java.util.List;
import java.util.Map;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.experiments.plan.ExperimentPlan;
import org.learnability.runner.pipeline.Session;

/**
 * The models of one seed on one session for one or more experiments that share the seed's baseline
 * (the same data, model and training settings; they differ in strategies, modes and weighting): the
 * baseline trains at most once, then every experiment's modes run in turn, each recording into its
 * own ledger. {@code run} runs a chain of one experiment per seed; a grid's task is a chain of all
 * the experiments that share a baseline.
 */
public final class SeedChain {

    /**
     * One experiment of a chain.
     *
     * @param plan the plan
     * @param strategies its strategies, by spec
     * @param ledger its models, recorded and to be recorded
     */
    public record Member(
            ExperimentPlan plan, Map<String, WeightStrategy> strategies, RunLedger ledger) {}

    private SeedChain() {}

    /**
     * Runs the chain.
     *
     * @param session the seed's data, loaded and split
     * @param seed the seed
     * @param members the experiments, in order; the first one's plan trains the baseline
     * @param progress where progress lines go
     */
    public static void run(Session session, int seed, List<Member> members, RunProgress progress) {
        try (SeedBaseline baseline = new SeedBaseline(members.get(0).plan(), seed, session)) {
            for (Member member : members) {
                new SessionSeedRun(
                                member.plan(),
                                seed,
                                session,
                                member.strategies(),
                                member.ledger(),
                                progress,
                                baseline)
                        .run();
            }
        }
    }
}
