package org.learnability.api.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void closedRangeHoldsBothEnds() {
        Range r = Range.closed(0, 10);
        assertTrue(r.contains(0));
        assertTrue(r.contains(10));
        assertTrue(r.contains(5.5));
        assertFalse(r.contains(-1e-9));
        assertFalse(r.contains(Math.nextUp(10.0)));
        assertEquals("[0, 10]", r.toString());
    }

    @Test
    void openEndsExcludeThemselves() {
        Range r = new Range(0, false, 1, false);
        assertFalse(r.contains(0));
        assertFalse(r.contains(1));
        assertTrue(r.contains(Double.MIN_VALUE));
        assertTrue(r.contains(Math.nextDown(1.0)));
        assertEquals("(0, 1)", r.toString());
        Range halfOpen = new Range(-1, false, 1, true);
        assertFalse(halfOpen.contains(-1));
        assertTrue(halfOpen.contains(1));
        assertEquals("(-1, 1]", halfOpen.toString());
    }

    @Test
    void greaterThanAndAtLeastRunToInfinity() {
        Range gt = Range.greaterThan(0);
        assertFalse(gt.contains(0));
        assertTrue(gt.contains(1e-300));
        assertTrue(gt.contains(Double.MAX_VALUE));
        assertFalse(gt.contains(INF));
        assertEquals("(0, inf)", gt.toString());
        Range ge = Range.atLeast(1);
        assertTrue(ge.contains(1));
        assertFalse(ge.contains(Math.nextDown(1.0)));
        assertFalse(ge.contains(INF));
        assertEquals("[1, inf)", ge.toString());
    }

    @Test
    void anInfiniteEndIsAlwaysOpen() {
        Range r = new Range(Double.NEGATIVE_INFINITY, true, INF, true);
        assertFalse(r.minInclusive());
        assertFalse(r.maxInclusive());
        assertFalse(r.contains(INF));
        assertFalse(r.contains(Double.NEGATIVE_INFINITY));
        assertTrue(r.contains(0));
        assertEquals("(-inf, inf)", r.toString());
        assertEquals(Range.atLeast(0), Range.closed(0, INF));
    }

    @Test
    void nanIsInNoRange() {
        assertFalse(new Range(Double.NEGATIVE_INFINITY, false, INF, false).contains(Double.NaN));
        assertFalse(Range.closed(0, 1).contains(Double.NaN));
    }

    @Test
    void fractionalEndsPrintAsDecimals() {
        assertEquals("[0.5, 2.5]", Range.closed(0.5, 2.5).toString());
        assertEquals("[-3, 1.0E20]", Range.closed(-3, 1e20).toString());
    }

    @Test
    void rejectsAReversedOrNaNInterval() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Range.closed(2, 1));
        assertTrue(e.getMessage().contains("not an interval: 2.0 to 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Range.closed(Double.NaN, 1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Range.atLeast(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        // a single point is an interval
        assertTrue(Range.closed(1, 1).contains(1));
    }
}
