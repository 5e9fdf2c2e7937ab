package org.learnability.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * One Spark task of a grid: the models of one engine and seed for every experiment that shares
 * their baseline, run one after another on one executor so that no task waits on another. Plain
 * strings only: it travels to the executors.
 *
 * @param index the task's place in the grid's order, longest first
 * @param engine the DJL engine
 * @param seed the seed
 * @param threads the engine threads of the task
 * @param pluginsDir the plugins directory (the same path on every machine)
 * @param members the experiments, the first one's plan training the baseline
 * @param cost the work estimated for ordering: images to train
 */
public record ChainTask(
        int index,
        String engine,
        int seed,
        int threads,
        String pluginsDir,
        List<Member> members,
        long cost)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Takes an immutable copy. */
    public ChainTask {
        members = List.copyOf(members);
    }

    /**
     * Returns this task at another place in the grid's order.
     *
     * @param place the index
     * @return the task
     */
    public ChainTask at(int place) {
        return new ChainTask(place, engine, seed, threads, pluginsDir, members, cost);
    }

    /**
     * One experiment of the task.
     *
     * @param name the experiment's name in the grid
     * @param plan its {@code plan.json} options, as JSON
     * @param recorded its records of this engine and seed, one JSON line each
     */
    public record Member(String name, String plan, List<String> recorded) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Takes an immutable copy. */
        public Member {
            recorded = List.copyOf(recorded);
        }
    }

    /**
     * What a task sends back: the records of the models it trained, each with its experiment.
     *
     * @param index the task's index
     * @param records experiment name and record JSON, in the order they were made
     */
    public record Result(int index, List<Recorded> records) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Takes an immutable copy. */
        public Result {
            records = List.copyOf(records);
        }
    }

    /**
     * One new record.
     *
     * @param member the experiment's name
     * @param json the record as one JSON line
     */
    public record Recorded(String member, String json) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
