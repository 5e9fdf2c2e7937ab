package org.learnability.runner.engine;

/**
 * The most engine threads a command may ask for: {@value #PER_PROCESSOR} per available processor.
 * Up to the processors each thread has a core; a few more can still fill a core while another waits
 * on memory; far more only take turns on the cores and slow training down (a grid of 999 threads
 * per task trained at 5 images/s, a bench of 9,999 threads started 8,300 and printed nothing for
 * minutes).
 *
 * @param processors the processors available to this JVM
 */
public record ThreadCap(int processors) {

    /** The threads allowed per available processor. */
    public static final int PER_PROCESSOR = 4;

    /** Validates the count. */
    public ThreadCap {
        if (processors < 1) {
            throw new IllegalArgumentException(
                    "processors is " + processors + "; expected a whole number >= 1");
        }
    }

    /**
     * Returns the cap of this machine: {@link Runtime#availableProcessors()}.
     *
     * @return the cap
     */
    public static ThreadCap ofThisMachine() {
        return new ThreadCap(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns the most threads allowed.
     *
     * @return {@value #PER_PROCESSOR} times the processors
     */
    public int most() {
        return PER_PROCESSOR * processors;
    }

    /**
     * Refuses a thread count above the cap, naming the option, the value and the cores.
     *
     * @param option the option that gave the count, e.g. {@code --threads}
     * @param threads the count
     * @throws IllegalArgumentException if the count is above {@link #most()}
     */
    public void check(String option, int threads) {
        if (threads > most()) {
            throw new IllegalArgumentException(
                    option
                            + " is "
                            + threads
                            + "; expected at most "
                            + most()
                            + " ("
                            + PER_PROCESSOR
                            + " per core; this machine has "
                            + processors
                            + (processors == 1 ? " core" : " cores")
                            + "): more threads only take turns on the cores");
        }
    }
}
