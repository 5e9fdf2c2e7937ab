package org.learnability.cluster.driver;

import org.learnability.experiments.plan.BaselinePlan;

/**
 * A seed's baseline on an engine: what experiments with equal baseline plans share.
 *
 * @param engine the DJL engine
 * @param seed the seed
 * @param plan the baseline plan
 */
record BaselineId(String engine, int seed, BaselinePlan plan) {}
