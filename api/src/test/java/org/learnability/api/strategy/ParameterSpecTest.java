package org.learnability.api.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    @Test
    void numberInAClosedRange() {
        ParameterSpec p = ParameterSpec.number("power", "the exponent", 1, Range.closed(0, 10));
        assertEquals("power", p.name());
        assertEquals("the exponent", p.description());
        assertEquals("1", p.defaultValue()); // a whole default prints without ".0"
        for (String ok : List.of("0", "10", "2.5", " 3 ", "1e1", "0.0")) {
            assertTrue(p.accepts(ok), ok);
        }
        for (String bad : List.of("-1", "10.001", "abc", "", "NaN", "Infinity", "two", "1,5")) {
            assertFalse(p.accepts(bad), bad);
        }
        assertEquals("a number in [0, 10]", p.expected());
    }

    @Test
    void numberWithAnOpenEndAndInfinity() {
        ParameterSpec p = ParameterSpec.number("gamma", "", 0.5, Range.greaterThan(0));
        assertEquals("0.5", p.defaultValue());
        assertFalse(p.accepts("0"));
        assertTrue(p.accepts("1e-9"));
        assertTrue(p.accepts("1e300"));
        assertFalse(p.accepts("Infinity")); // an infinite end is open
        assertFalse(p.accepts("-2"));
        assertEquals("a number in (0, inf)", p.expected());
    }

    @Test
    void choiceAcceptsItsWordsOnly() {
        ParameterSpec p =
                ParameterSpec.choice(
                        "metric", "what to weight by", "tpr", "tpr", "precision", "f1");
        assertTrue(p.accepts("tpr"));
        assertTrue(p.accepts("f1"));
        assertFalse(p.accepts("F1")); // words are case sensitive
        assertFalse(p.accepts("recall"));
        assertFalse(p.accepts("1"));
        assertFalse(p.accepts(null));
        assertEquals(Optional.empty(), p.range());
        // the words keep their declared order
        assertEquals("one of tpr, precision, f1", p.expected());
        assertEquals(List.of("tpr", "precision", "f1"), List.copyOf(p.words()));
    }

    @Test
    void orWordAddsAWordToANumber() {
        ParameterSpec number = ParameterSpec.number("tau", "threshold", 1, Range.greaterThan(0));
        ParameterSpec p = number.orWord("dynamic");
        assertTrue(p.accepts("dynamic"));
        assertTrue(p.accepts("2.5"));
        assertFalse(p.accepts("0"));
        assertFalse(p.accepts("static"));
        assertEquals("1", p.defaultValue());
        assertEquals("tau", p.name());
        assertEquals("threshold", p.description());
        assertEquals("a number in (0, inf) or dynamic", p.expected());
        // the original is unchanged
        assertFalse(number.accepts("dynamic"));
        assertEquals(Set.of(), number.words());
        // the word may also be the default
        ParameterSpec wordDefault =
                new ParameterSpec(
                        "tau", "", "dynamic", Optional.of(Range.greaterThan(0)), Set.of("dynamic"));
        assertEquals("dynamic", wordDefault.defaultValue());
    }

    @Test
    void aNumericDefaultOutsideTheRangeIsRejectedAtDeclaration() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ParameterSpec.number("power", "", 11, Range.closed(0, 10)));
        assertContains(e.getMessage(), "power", "'11'", "a number in [0, 10]");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ParameterSpec.number("gamma", "", 0, Range.greaterThan(0)));
        assertContains(e.getMessage(), "gamma", "'0'", "a number in (0, inf)");
    }

    @Test
    void aChoiceDefaultThatIsNotAWordIsRejectedAtDeclaration() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ParameterSpec.choice("metric", "", "auc", "tpr", "f1"));
        assertContains(e.getMessage(), "metric", "'auc'", "one of tpr, f1");
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ParameterSpec(
                                        "metric", "", null, Optional.empty(), Set.of("tpr")));
        assertContains(e.getMessage(), "metric", "'null'");
    }

    @Test
    void aParameterThatAcceptsNothingIsRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ParameterSpec.choice("metric", "", "tpr"));
        assertContains(e.getMessage(), "metric", "accepts no value");
    }

    @Test
    void aBadNameIsRejected() {
        for (String name : new String[] {"Gamma", "1st", "", "a b", null}) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> ParameterSpec.number(name, "", 1, Range.atLeast(0)));
            assertContains(e.getMessage(), "'" + name + "'", "[a-z][a-z0-9_-]*");
        }
        assertEquals(
                "max_iter-2", ParameterSpec.number("max_iter-2", "", 1, Range.atLeast(0)).name());
    }

    @Test
    void wordsAreAnImmutableCopy() {
        ParameterSpec p = ParameterSpec.choice("metric", null, "tpr", "tpr", "f1");
        assertEquals("", p.description());
        assertThrows(UnsupportedOperationException.class, () -> p.words().add("auc"));
    }
}
