package org.learnability.experiments.bench;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;
import org.learnability.runner.training.BatchSource;
import org.learnability.runner.training.ComputedArrays;

/**
 * A {@link BatchSource} that lays a benchmark's rounds over the training split's epochs and times
 * how long the trainer waits for each batch.
 *
 * <p>The trainer's "epochs" are the benchmark's rounds: round 0 is the warm-up (its first {@code
 * warmupBatches} batches of the split's epoch 0) if there is one; then each measured round is
 * either one whole epoch of the split (epoch 1, 2, ...) or one chunk of the measured batches, the
 * chunks drawn one after another from the split's epochs 1, 2, ....
 *
 * <p>Data time is the time spent in the split iterator's {@code hasNext()} and {@code next()},
 * which make the batch (a permutation per epoch, one gather per batch, augmentation), and, on an
 * engine that computes lazily (MXNet), waiting until the batch's arrays are computed, so that their
 * cost is not hidden in the next operation of the model. A round's wall time runs from the trainer
 * asking for its batches to {@link #endRound}; the rest of it is compute.
 *
 * <p>With parameter averaging, the trainer recomputes the batch-norm statistics for the averaged
 * parameters after every epoch, as {@code run} does before scoring them: a pass over the training
 * split, which asks for its epoch 0 again. That pass is no training step: it ends the round in
 * progress, and it is neither timed nor counted.
 */
final class TimedBatchSource implements BatchSource {

    /** What happened in one round. */
    static final class Round {
        private final boolean warmup;
        private final long startNanos;
        private final long startCpuNanos;
        private long endNanos;
        private long endCpuNanos;
        private long dataNanos;
        private int batches;
        private long images;

        private Round(boolean warmup, long startNanos, long startCpuNanos) {
            this.warmup = warmup;
            this.startNanos = startNanos;
            this.startCpuNanos = startCpuNanos;
        }

        boolean warmup() {
            return warmup;
        }

        boolean ended() {
            return endNanos != 0;
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        double cpuSeconds() {
            return (endCpuNanos - startCpuNanos) / 1e9;
        }

        double dataSeconds() {
            return dataNanos / 1e9;
        }

        int batches() {
            return batches;
        }

        long images() {
            return images;
        }
    }

    private final BatchSource split;
    private final BenchSpec spec;
    private final LongSupplier cpuClock;
    private final List<Round> rounds = new ArrayList<>();
    private EpochStream chunkStream;

    /**
     * Creates the source.
     *
     * @param split the training split, shuffled per epoch
     * @param spec the benchmark: batch size, warm-up, epochs or batches and chunks
     * @param cpuClock the process's CPU time in nanoseconds, all threads
     */
    TimedBatchSource(BatchSource split, BenchSpec spec, LongSupplier cpuClock) {
        this.split = split;
        this.spec = spec;
        this.cpuClock = cpuClock;
    }

    /**
     * Returns the number of rounds, the trainer's epochs: the warm-up, if any, and the measured
     * ones.
     */
    int roundCount() {
        return warmupRounds() + spec.measuredRounds();
    }

    /** Returns 1 if round 0 is a warm-up, else 0. */
    int warmupRounds() {
        return spec.warmupBatches() > 0 ? 1 : 0;
    }

    /** Returns the rounds begun so far. */
    List<Round> rounds() {
        return List.copyOf(rounds);
    }

    /** Returns the measured rounds that have ended. */
    List<Round> measured() {
        return rounds.stream().filter(r -> !r.warmup() && r.ended()).toList();
    }

    /**
     * Marks the end of a round: the trainer has stepped on its last batch and finished the epoch.
     *
     * @param round the round, the trainer's epoch
     * @return the round
     */
    Round endRound(int round) {
        Round r = rounds.get(round);
        end(r);
        return r;
    }

    /** Ends a round now, unless it has ended already. */
    private void end(Round r) {
        if (!r.ended()) {
            r.endNanos = System.nanoTime();
            r.endCpuNanos = cpuClock.getAsLong();
        }
    }

    /**
     * Returns the batches the trainer takes over its rounds: the warm-up's, then the measured
     * batches or epochs; the learning-rate schedule spans these updates.
     *
     * @param batchSize the benchmark's batch size
     * @param epochs the trainer's epochs, {@link #roundCount}
     * @return the batches
     */
    @Override
    public long batchCount(int batchSize, int epochs) {
        if (batchSize != spec.batchSize() || epochs != roundCount()) {
            throw new IllegalArgumentException(
                    "asked for "
                            + epochs
                            + " epochs of batch "
                            + batchSize
                            + "; the benchmark is set up for "
                            + roundCount()
                            + " rounds of batch "
                            + spec.batchSize());
        }
        long measured =
                spec.measuresBatches()
                        ? spec.batches()
                        : (long) spec.epochs() * ((split.size() + batchSize - 1) / batchSize);
        return spec.warmupBatches() + measured;
    }

    @Override
    public long size() {
        return split.size();
    }

    @Override
    public Shape sampleShape() {
        return split.sampleShape();
    }

    @Override
    public Iterable<Batch> batches(int batchSize, int round) {
        if (batchSize != spec.batchSize()) {
            throw new IllegalArgumentException(
                    "asked for batches of "
                            + batchSize
                            + "; the benchmark is set up for "
                            + spec.batchSize());
        }
        if (round == 0 && !rounds.isEmpty()) {
            return () -> {
                end(rounds.get(rounds.size() - 1));
                return split.batches(batchSize, 0).iterator();
            };
        }
        if (round != rounds.size() || round >= roundCount()) {
            throw new IllegalStateException(
                    "round "
                            + round
                            + " asked for out of order; "
                            + rounds.size()
                            + " begun of "
                            + roundCount());
        }
        return () -> {
            boolean warmup = round < warmupRounds();
            Round r = new Round(warmup, System.nanoTime(), cpuClock.getAsLong());
            rounds.add(r);
            int measured = round - warmupRounds();
            if (warmup) {
                return new Timed(new EpochStream(0), spec.warmupBatches(), r);
            }
            if (spec.measuresBatches()) {
                if (chunkStream == null) {
                    chunkStream = new EpochStream(1);
                }
                return new Timed(chunkStream, spec.chunkBatches(measured), r);
            }
            return new Timed(
                    split.batches(batchSize, measured + 1).iterator(), Integer.MAX_VALUE, r);
        };
    }

    /** The split's batches over its epochs one after another, from a first epoch on. */
    private final class EpochStream implements Iterator<Batch> {
        private int epoch;
        private Iterator<Batch> current;

        EpochStream(int firstEpoch) {
            this.epoch = firstEpoch;
        }

        @Override
        public boolean hasNext() {
            if (current == null || !current.hasNext()) {
                current = split.batches(spec.batchSize(), epoch++).iterator();
            }
            return current.hasNext();
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    /** Up to {@code limit} batches of an iterator, timed into a round. */
    private static final class Timed implements Iterator<Batch> {
        private final Iterator<Batch> batches;
        private final int limit;
        private final Round round;

        Timed(Iterator<Batch> batches, int limit, Round round) {
            this.batches = batches;
            this.limit = limit;
            this.round = round;
        }

        @Override
        public boolean hasNext() {
            if (round.batches >= limit) {
                return false;
            }
            long start = System.nanoTime();
            boolean more = batches.hasNext();
            round.dataNanos += System.nanoTime() - start;
            return more;
        }

        @Override
        public Batch next() {
            if (round.batches >= limit) {
                throw new NoSuchElementException();
            }
            long start = System.nanoTime();
            Batch batch = batches.next();
            ComputedArrays.await(batch.getData());
            ComputedArrays.await(batch.getLabels());
            round.dataNanos += System.nanoTime() - start;
            round.batches++;
            round.images += batch.getSize();
            return batch;
        }
    }
}
