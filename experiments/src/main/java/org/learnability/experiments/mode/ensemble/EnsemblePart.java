package org.learnability.experiments.mode.ensemble;

import java.util.List;

/**
 * What an {@code ensemble} model's record says of it ({@code parts.ensemble}): its size and its
 * members, the seed's baseline first, each by its key in {@code runs.jsonl}, whose record holds its
 * own scores and cost.
 *
 * @param size K, the members
 * @param members the members' keys, the baseline's first
 */
public record EnsemblePart(int size, List<String> members) {

    /** The name of its part in a record. */
    public static final String PART = "ensemble";

    /** Takes an immutable copy. */
    public EnsemblePart {
        members = List.copyOf(members);
        if (members.size() != size) {
            throw new IllegalArgumentException(
                    "an ensemble of " + size + " lists " + members.size() + " members");
        }
    }
}
