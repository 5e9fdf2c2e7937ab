package org.learnability.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.learnability.api.registry.StrategyInfo;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.StrategyException;

/**
 * The registry finds exactly the built-in strategies, with their parameters, and rejects bad specs.
 */
class BuiltInStrategiesTest {

    @AutoClose private final StrategyRegistry registry = Strategies.registry();

    @Test
    void listsExactlyTheEightStrategies() {
        assertEquals(
                List.of(
                        "additive",
                        "confusion",
                        "difficulty",
                        "mean-ratio",
                        "multiplicative",
                        "shifted-power",
                        "softmax",
                        "uniform"),
                registry.strategies().stream().map(StrategyInfo::name).toList());
        for (StrategyInfo info : registry.strategies()) {
            assertFalse(info.provider().description().isBlank(), info.name());
            assertTrue(
                    info.provider()
                            .getClass()
                            .getPackageName()
                            .equals("org.learnability.strategies"),
                    info.origin());
        }
    }

    @Test
    void declaresTheParametersWithDefaultsAndRanges() {
        String metric = "metric=tpr (one of tpr, f1, precision)";
        String eps = "eps=0.001 (a number in (0, 0.5])";
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("additive", List.of(metric, "eta=1 (a number in (0, inf))", eps));
        expected.put("confusion", List.of("gamma=1 (a number in [0, 10])"));
        expected.put(
                "difficulty", List.of(metric, "tau=1.5 (a number in [0, 10] or dynamic)", eps));
        expected.put("mean-ratio", List.of(metric, "gamma=1 (a number in [0, 10])", eps));
        expected.put("multiplicative", List.of(metric, "eta=1 (a number in (0, inf))"));
        expected.put("shifted-power", List.of(metric, "gamma=4 (a number in [0, 10])"));
        expected.put("softmax", List.of(metric, "temperature=0.1 (a number in (0, inf))"));
        expected.put("uniform", List.of());
        Map<String, List<String>> declared =
                registry.strategies().stream()
                        .collect(
                                Collectors.toMap(
                                        StrategyInfo::name,
                                        info ->
                                                info.provider().parameters().stream()
                                                        .map(BuiltInStrategiesTest::describe)
                                                        .toList(),
                                        (a, b) -> a,
                                        LinkedHashMap::new));
        assertEquals(expected, declared);
        for (StrategyInfo info : registry.strategies()) {
            for (ParameterSpec p : info.provider().parameters()) {
                assertFalse(p.description().isBlank(), info.name() + " " + p.name());
            }
        }
    }

    private static String describe(ParameterSpec p) {
        return p.name() + "=" + p.defaultValue() + " (" + p.expected() + ")";
    }

    @Test
    void everyStrategyRunsWithItsDefaults() {
        for (StrategyInfo info : registry.strategies()) {
            double[] w =
                    Strategies.weights(
                            registry,
                            info.name(),
                            Strategies.matrix(new long[][] {{8, 2}, {3, 7}}));
            assertEquals(2, w.length, info.name());
        }
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertMessage(
                "mean-ratio:beta=2",
                "strategy mean-ratio has no parameter 'beta'; its parameters: metric, gamma, eps");
        assertMessage(
                "uniform:metric=tpr", "strategy uniform has no parameter 'metric'; it takes none");
        assertMessage(
                "softmax:eps=0.01",
                "strategy softmax has no parameter 'eps'; its parameters: metric, temperature");
    }

    @Test
    void anOutOfRangeValueIsNamed() {
        assertMessage(
                "mean-ratio:gamma=11",
                "strategy mean-ratio: gamma=11 is not valid; expected a number in [0, 10]");
        assertMessage(
                "shifted-power:gamma=-1",
                "strategy shifted-power: gamma=-1 is not valid; expected a number in [0, 10]");
        assertMessage(
                "softmax:temperature=0",
                "strategy softmax: temperature=0 is not valid; expected a number in (0, inf)");
        assertMessage(
                "multiplicative:eta=0",
                "strategy multiplicative: eta=0 is not valid; expected a number in (0, inf)");
        assertMessage(
                "additive:eps=0",
                "strategy additive: eps=0 is not valid; expected a number in (0, 0.5]");
        assertMessage(
                "difficulty:eps=0.6",
                "strategy difficulty: eps=0.6 is not valid; expected a number in (0, 0.5]");
        assertMessage(
                "difficulty:tau=fast",
                "strategy difficulty: tau=fast is not valid; expected a number in [0, 10] or dynamic");
        assertMessage(
                "mean-ratio:metric=recall",
                "strategy mean-ratio: metric=recall is not valid; expected one of tpr, f1, precision");
        assertMessage(
                "confusion:gamma=NaN",
                "strategy confusion: gamma=NaN is not valid; expected a number in [0, 10]");
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes() {
        assertMessage(
                "focal",
                "unknown strategy 'focal'; known strategies: additive, confusion, difficulty, mean-ratio,"
                        + " multiplicative, shifted-power, softmax, uniform");
    }

    private void assertMessage(String spec, String message) {
        StrategyException e = assertThrows(StrategyException.class, () -> registry.create(spec));
        assertEquals(message, e.getMessage());
    }
}
