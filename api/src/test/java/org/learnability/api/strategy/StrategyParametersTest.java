package org.learnability.api.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyParametersTest {

    private static StrategyParameters parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("gamma", "2.5");
        values.put("metric", "f1");
        return new StrategyParameters(values);
    }

    @Test
    void readsTextNumbersAndWords() {
        StrategyParameters p = parameters();
        assertEquals("2.5", p.text("gamma"));
        assertEquals(2.5, p.number("gamma"), 0.0);
        assertTrue(p.is("metric", "f1"));
        assertFalse(p.is("metric", "tpr"));
        assertEquals(List.of("gamma", "metric"), List.copyOf(p.values().keySet()));
    }

    @Test
    void aMissingKeyIsNamedWithTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> parameters().number("beta"));
        assertTrue(
                e.getMessage().contains("'beta'") && e.getMessage().contains("[gamma, metric]"),
                e.getMessage());
    }

    @Test
    void aWordReadAsANumberIsNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> parameters().number("metric"));
        assertTrue(e.getMessage().contains("metric=f1 is not a number"), e.getMessage());
    }

    @Test
    void valuesAreAnImmutableCopy() {
        Map<String, String> given = new LinkedHashMap<>(Map.of("gamma", "2"));
        StrategyParameters p = new StrategyParameters(given);
        given.put("gamma", "3");
        assertEquals("2", p.text("gamma"));
        assertThrows(UnsupportedOperationException.class, () -> p.values().put("gamma", "4"));
        assertEquals(Map.of(), new StrategyParameters(null).values());
    }
}
