package org.learnability.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MxnetThreadsTest {

    @Test
    void ompNumThreadsDecides() {
        MxnetThreads t =
                MxnetThreads.of(
                        Map.of("OMP_NUM_THREADS", "2", "MXNET_OMP_MAX_THREADS", "1"), 8, "amd64");
        assertEquals(2, t.operatorThreads());
        assertEquals(1, t.workerThreads());
        assertEquals("OMP_NUM_THREADS=2, MXNET_CPU_WORKER_NTHREADS unset (1)", t.source());
        assertEquals(
                Optional.empty(),
                t.warning(),
                "set by the user: no warning even below the processors");
    }

    @Test
    void unsetTakesHalfTheProcessorsOnX86AndWarns() {
        MxnetThreads t = MxnetThreads.of(Map.of(), 2, "amd64");
        assertEquals(1, t.operatorThreads());
        assertEquals(
                "warning: MXNet runs 1 operator thread on 2 processors (OMP_NUM_THREADS unset: MXNet's default,"
                        + " half the processors on x86); export OMP_NUM_THREADS=2 before starting Java to use them all",
                t.warning().orElseThrow());
        assertEquals(3, MxnetThreads.of(Map.of(), 7, "x86_64").operatorThreads(), "7 >> 1");
        assertEquals(1, MxnetThreads.of(Map.of(), 1, "amd64").operatorThreads(), "at least one");
        assertEquals(
                Optional.empty(),
                MxnetThreads.of(Map.of(), 1, "amd64").warning(),
                "one processor: nothing idle");
    }

    @Test
    void unsetTakesEveryProcessorElsewhere() {
        MxnetThreads t = MxnetThreads.of(Map.of(), 4, "aarch64");
        assertEquals(4, t.operatorThreads());
        assertEquals(Optional.empty(), t.warning());
    }

    @Test
    void maxThreadsCapsTheDefault() {
        MxnetThreads t =
                MxnetThreads.of(
                        Map.of("MXNET_OMP_MAX_THREADS", "3", "MXNET_CPU_WORKER_NTHREADS", "2"),
                        8,
                        "amd64");
        assertEquals(3, t.operatorThreads());
        assertEquals(2, t.workerThreads());
        assertEquals(
                "OMP_NUM_THREADS unset, MXNET_OMP_MAX_THREADS=3, MXNET_CPU_WORKER_NTHREADS=2",
                t.source());
        assertTrue(
                t.warning().orElseThrow().contains("3 operator threads on 8 processors"),
                t.warning().toString());
        assertEquals(
                2,
                MxnetThreads.of(Map.of("MXNET_OMP_MAX_THREADS", "16"), 2, "amd64")
                        .operatorThreads(),
                "never more than the processors");
    }

    @Test
    void malformedValuesCountAsUnset() {
        MxnetThreads t =
                MxnetThreads.of(
                        Map.of("OMP_NUM_THREADS", "two", "MXNET_CPU_WORKER_NTHREADS", "0"),
                        4,
                        "amd64");
        assertEquals(2, t.operatorThreads());
        assertEquals(1, t.workerThreads());
    }
}
