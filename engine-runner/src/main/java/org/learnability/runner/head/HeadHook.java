package org.learnability.runner.head;

/** Called after every epoch of a head's training with the head as it stands. */
@FunctionalInterface
public interface HeadHook {

    /**
     * Sees the head after an epoch.
     *
     * @param epoch the epoch just trained, from 0
     * @param head its parameters
     */
    void afterEpoch(int epoch, HeadParameters head);
}
