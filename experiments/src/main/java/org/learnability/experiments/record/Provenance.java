package org.learnability.experiments.record;

import java.util.List;
import org.learnability.runner.data.TestSource;

/**
 * What a model was trained on and with, which it shares with its seed's baseline: the data, the
 * architecture, the engine and device, the seed, and the options it was made under.
 *
 * @param dataset {@code cifar10} or {@code fashion-mnist}, or the name of a data set of one's own
 * @param model the architecture, e.g. {@code resnet-peifer}
 * @param engine the DJL engine, {@code PyTorch} or {@code MXNet}
 * @param engineVersion the engine's version
 * @param device the device trained on, e.g. {@code cpu()}
 * @param seed the seed
 * @param classNames the class names
 * @param planHash the digest of the options it was made under ({@code
 *     org.learnability.experiments.plan.PlanIdentity}); null in records written before it
 * @param testSplit where its test split comes from (the data set's own test set, a test folder, or
 *     images held out of the data) and its size; null in records written before schema 6, whose
 *     data sets all had an official test set
 * @param dataFingerprint the digest of its data files' fingerprint ({@code
 *     org.learnability.runner.data.DataFingerprint#digest}): their names, sizes and times; null for
 *     DJL's download and in records written before it
 */
public record Provenance(
        String dataset,
        String model,
        String engine,
        String engineVersion,
        String device,
        int seed,
        List<String> classNames,
        String planHash,
        TestSource testSplit,
        String dataFingerprint) {

    /** Takes an immutable copy. */
    public Provenance {
        classNames = List.copyOf(classNames);
    }

    /**
     * Makes the provenance of a model whose data has no fingerprint.
     *
     * @param dataset the data set
     * @param model the architecture
     * @param engine the engine
     * @param engineVersion the engine's version
     * @param device the device
     * @param seed the seed
     * @param classNames the class names
     * @param planHash the digest of its options
     * @param testSplit where its test split comes from
     */
    public Provenance(
            String dataset,
            String model,
            String engine,
            String engineVersion,
            String device,
            int seed,
            List<String> classNames,
            String planHash,
            TestSource testSplit) {
        this(
                dataset,
                model,
                engine,
                engineVersion,
                device,
                seed,
                classNames,
                planHash,
                testSplit,
                null);
    }
}
