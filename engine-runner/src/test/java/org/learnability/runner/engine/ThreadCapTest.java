package org.learnability.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The thread cap: up to four threads per core pass, more are refused naming option and cores. */
class ThreadCapTest {

    @Test
    void countsUpToFourPerCorePass() {
        ThreadCap cap = new ThreadCap(2);
        assertEquals(8, cap.most());
        cap.check("--threads", 0);
        cap.check("--threads", 2);
        cap.check("--threads", 8);
        ThreadCap.ofThisMachine().check("--threads", Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aCountAboveTheCapNamesTheOptionTheValueAndTheCores() {
        assertEquals(
                "--threads-per-task is 999; expected at most 8 (4 per core; this machine has 2"
                        + " cores): more threads only take turns on the cores",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ThreadCap(2).check("--threads-per-task", 999))
                        .getMessage());
        assertEquals(
                "--threads is 5; expected at most 4 (4 per core; this machine has 1 core): more"
                        + " threads only take turns on the cores",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new ThreadCap(1).check("--threads", 5))
                        .getMessage());
    }
}
