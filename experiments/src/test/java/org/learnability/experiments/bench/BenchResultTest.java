package org.learnability.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A result's JSON line is the format of {@code bench/results/*.jsonl}, which users parse: the parts
 * of a result write the keys of a committed line, in its order, to the byte.
 */
class BenchResultTest {

    /** The first line of {@code bench/results/preset-cpu-final.jsonl}. */
    static final String COMMITTED =
            "{\"runner\":\"learnability\",\"engine\":\"PyTorch\",\"engineVersion\":\"2.7.1\","
                    + "\"frameworkVersion\":\"0.36.0\",\"runtime\":\"17.0.15+6-Debian-1deb12u1\","
                    + "\"model\":\"resnet-peifer\",\"dataset\":\"cifar10\",\"trainImages\":50000,"
                    + "\"testImages\":10000,\"batchSize\":128,\"threads\":2,\"interopThreads\":2,"
                    + "\"threadsSource\":\"ai.djl.pytorch.num_threads,"
                    + " ai.djl.pytorch.num_interop_threads\",\"allocator\":\"glibc 2.36 malloc"
                    + " tuned: mmap threshold 32 MiB, trim threshold 1 GiB, top pad 256 MiB\","
                    + "\"training\":\"cpu: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear warmup"
                    + " 0.15, augment, test-time flip\",\"augment\":true,\"warmupBatches\":20,"
                    + "\"roundKind\":\"chunk\",\"rounds\":5,\"measuredBatches\":60,"
                    + "\"measuredImages\":7680,\"measuredSeconds\":9.931,"
                    + "\"trainImagesPerSecond\":773.3,\"trainImagesPerSecondMedian\":795.7,"
                    + "\"trainImagesPerSecondMin\":671.7,\"trainImagesPerSecondMax\":853.6,"
                    + "\"trainImagesPerSecondRounds\":[795.7,804.7,765.9,671.7,853.6],"
                    + "\"dataShare\":0.01958,\"computeShare\":0.98042,\"dataTiming\":\"split"
                    + " iterator hasNext()/next() incl. waiting for lazy arrays, timed by a"
                    + " BatchSource wrapped around ModelTrainer's\",\"scoreImagesPerSecond\":1082.2,"
                    + "\"scoreBatchSize\":128,\"scoreToTrainRatio\":1.36,\"testAccuracy\":0.3401,"
                    + "\"peakRssMiBAfterFirst\":1881.4,\"peakRssMiBAfterLast\":1930.4,"
                    + "\"peakRssGrowth\":0.026,\"rssMiBAfterFirst\":1881.5,"
                    + "\"rssMiBAfterLast\":1930.4,\"cpuCoresUsed\":1.97,\"loadAverage\":1.48}";

    /** The measurements behind {@link #COMMITTED}. */
    static BenchResult committed() {
        return new BenchResult(
                new Machine(
                        BenchResult.RUNNER,
                        "PyTorch",
                        "2.7.1",
                        "0.36.0",
                        "17.0.15+6-Debian-1deb12u1",
                        2,
                        2,
                        "ai.djl.pytorch.num_threads, ai.djl.pytorch.num_interop_threads",
                        "glibc 2.36 malloc tuned: mmap threshold 32 MiB, trim threshold 1 GiB,"
                                + " top pad 256 MiB",
                        1.48),
                new Workload(
                        "resnet-peifer",
                        "cifar10",
                        50000,
                        10000,
                        128,
                        "cpu: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear warmup 0.15, augment,"
                                + " test-time flip",
                        true,
                        20),
                new TrainingRate(
                        "chunk",
                        60,
                        7680,
                        9.931,
                        Spread.of(List.of(795.7, 804.7, 765.9, 671.7, 853.6)),
                        0.01958,
                        Bench.DATA_TIMING,
                        1.97),
                new ScoringRate(1082.2, 128, 0.3401),
                new Memory(1881.4, 1930.4, 1881.5, 1930.4));
    }

    @Test
    void theJsonLineIsACommittedLineToTheByte() {
        assertEquals(COMMITTED, committed().toJsonLine());
    }

    @Test
    void theTableShowsEveryPart() {
        assertEquals(
                List.of(
                        "model           resnet-peifer on cifar10, 50,000 training images"
                                + " (augmented), batch 128",
                        "recipe          cpu: nesterov lr 0.1 momentum 0.9 wd 0.0005 linear"
                                + " warmup 0.15, augment, test-time flip",
                        "engine          PyTorch 2.7.1 (DJL 0.36.0, Java 17.0.15+6-Debian-1deb12u1)",
                        "threads         2 intra-op, 2 inter-op (ai.djl.pytorch.num_threads,"
                                + " ai.djl.pytorch.num_interop_threads)",
                        "allocator       glibc 2.36 malloc tuned: mmap threshold 32 MiB, trim"
                                + " threshold 1 GiB, top pad 256 MiB",
                        "measured        5 chunks, 60 batches, 7,680 images in 9.9 s, after 20"
                                + " warm-up batches",
                        "training        796 images/s median, min 672, max 854 over chunks; 773"
                                + " overall",
                        "scoring         1,082 images/s (10,000 test images, batch 128): 1.36x"
                                + " training; test accuracy 0.3401",
                        "data / compute  1.96% / 98.04% of training time (split iterator"
                                + " hasNext()/next() incl. waiting for lazy arrays, timed by a"
                                + " BatchSource wrapped around ModelTrainer's)",
                        "peak RSS        1,881 MiB after chunk 1, 1,930 MiB after chunk 5 (+2.6%);"
                                + " RSS 1,882 -> 1,930 MiB",
                        "CPU             1.97 cores busy while measuring; load average 1.48 at"
                                + " start"),
                committed().table());
    }
}
