package org.learnability.api.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategySpecTest {

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    private static StrategyException malformed(String text) {
        return assertThrows(StrategyException.class, () -> StrategySpec.parse(text));
    }

    @Test
    void parsesABareName() {
        StrategySpec spec = StrategySpec.parse("uniform");
        assertEquals("uniform", spec.name());
        assertEquals(Map.of(), spec.parameters());
    }

    @Test
    void parsesOneParameter() {
        StrategySpec spec = StrategySpec.parse("mean-ratio:gamma=2");
        assertEquals("mean-ratio", spec.name());
        assertEquals(Map.of("gamma", "2"), spec.parameters());
    }

    @Test
    void parsesSeveralParametersInTheOrderWritten() {
        StrategySpec spec = StrategySpec.parse("x:b=two,a=1");
        assertEquals("x", spec.name());
        assertEquals(Map.of("a", "1", "b", "two"), spec.parameters());
        assertEquals(List.of("b", "a"), List.copyOf(spec.parameters().keySet()));
    }

    @Test
    void trimsWhitespaceAroundNameKeysAndValues() {
        StrategySpec spec = StrategySpec.parse("  x : a = 1 ,  b=two  ");
        assertEquals("x", spec.name());
        assertEquals(Map.of("a", "1", "b", "two"), spec.parameters());
        assertEquals("uniform", StrategySpec.parse("\tuniform \n").name());
    }

    @Test
    void aValueMayContainAnEqualsSign() {
        // only the first '=' separates key from value
        assertEquals(Map.of("a", "b=c"), StrategySpec.parse("x:a=b=c").parameters());
    }

    @Test
    void emptySpecIsRejected() {
        for (String text : new String[] {"", "   ", null}) {
            assertContains(malformed(text).getMessage(), "empty strategy spec", "name:key=value");
        }
    }

    @Test
    void missingNameIsRejected() {
        StrategyException e = malformed(":gamma=2");
        assertContains(e.getMessage(), "':gamma=2'", "no name before ':'");
        assertContains(malformed("  : gamma=2").getMessage(), "no name");
    }

    @Test
    void pairWithoutValueOrKeyIsRejectedNamingIt() {
        assertContains(malformed("x:gamma").getMessage(), "'x:gamma'", "'gamma' is not key=value");
        assertContains(
                malformed("x:gamma=").getMessage(), "'x:gamma='", "'gamma=' is not key=value");
        assertContains(malformed("x:=2").getMessage(), "'=2' is not key=value");
        assertContains(malformed("x:").getMessage(), "'x:'", "is not key=value");
        assertContains(malformed("x:a=1,").getMessage(), "'x:a=1,'", "'' is not key=value");
        assertContains(malformed("x:a=1,,b=2").getMessage(), "'' is not key=value");
    }

    @Test
    void keySetTwiceIsRejected() {
        StrategyException e = malformed("x:a=1,a=2");
        assertContains(e.getMessage(), "'x:a=1,a=2'", "sets a twice");
        assertContains(malformed("x:a=1, a =1").getMessage(), "sets a twice");
    }

    @Test
    void constructorNeedsAName() {
        assertContains(
                assertThrows(StrategyException.class, () -> new StrategySpec(" ", Map.of()))
                        .getMessage(),
                "needs a name");
        assertContains(
                assertThrows(StrategyException.class, () -> new StrategySpec(null, Map.of()))
                        .getMessage(),
                "needs a name");
        assertEquals(Map.of(), new StrategySpec("uniform", null).parameters());
    }

    @Test
    void toStringWritesTheSpecBack() {
        assertEquals("uniform", StrategySpec.parse("uniform").toString());
        assertEquals("mean-ratio:gamma=2", StrategySpec.parse("mean-ratio:gamma=2").toString());
        assertEquals("x:b=two,a=1", StrategySpec.parse(" x : b = two , a = 1 ").toString());
        for (String text :
                List.of(
                        "uniform",
                        "mean-ratio:gamma=2",
                        "x:a=1,b=two",
                        "x:a=b=c",
                        "  x : a = 1 ")) {
            StrategySpec spec = StrategySpec.parse(text);
            assertEquals(spec, StrategySpec.parse(spec.toString()), text);
        }
    }

    @Test
    void parametersAreAnImmutableCopy() {
        Map<String, String> given = new HashMap<>(Map.of("gamma", "2"));
        StrategySpec spec = new StrategySpec("mean-ratio", given);
        given.put("gamma", "3");
        assertEquals(Map.of("gamma", "2"), spec.parameters());
        assertThrows(UnsupportedOperationException.class, () -> spec.parameters().put("beta", "1"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> StrategySpec.parse("x:a=1").parameters().remove("a"));
    }

    @Test
    void parseListKeepsEachSpecsOwnParameters() {
        assertEquals(
                java.util.List.of(
                        "mean-ratio:gamma=2,eps=0.01", "difficulty", "shifted-power:gamma=4"),
                StrategySpec.parseList(
                                "mean-ratio:gamma=2, eps=0.01,difficulty,shifted-power:gamma=4")
                        .stream()
                        .map(StrategySpec::toString)
                        .toList());
    }

    @Test
    void parseListRejectsALeadingKeyValueAndAnEmptyList() {
        StrategyException e =
                assertThrows(
                        StrategyException.class, () -> StrategySpec.parseList("gamma=2,uniform"));
        assertEquals(
                "strategy list 'gamma=2,uniform' starts with 'gamma=2'; a key=value belongs after name:",
                e.getMessage());
        assertThrows(StrategyException.class, () -> StrategySpec.parseList(" "));
        assertThrows(StrategyException.class, () -> StrategySpec.parseList("uniform,,difficulty"));
    }
}
