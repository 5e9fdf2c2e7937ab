/**
 * The built-in weight strategies, one {@link org.learnability.api.strategy.WeightStrategyProvider}
 * per weighting method, each listed in {@code META-INF/services} and found by the registry through
 * {@link java.util.ServiceLoader}. Nothing imports this package.
 *
 * <p>Score-based strategies weight by a per-class score {@code s_c} chosen by the common parameter
 * {@code metric} ({@code tpr}, {@code f1}, {@code precision}); where a formula would divide by zero
 * or give a zero weight they floor at the parameter {@code eps}. Every result is normalised to mean
 * weight 1.
 */
package org.learnability.strategies;
