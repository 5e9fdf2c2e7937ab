package org.learnability.runner.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.learnability.runner.model.InputKind;

/**
 * A data set divided for the method: a training split and a validation split, both stratified and
 * drawn by seed from the official training set, and the official test set. The validation split's
 * scores give the class weights; the test split is for the final comparison only (see {@link
 * Split#requireUsableForWeights()}). Validation images are never in the training split.
 *
 * <p>All images are normalised once, in place, with one {@link Normalization}: fitted on the
 * training split (the default) or given.
 */
public final class DataSplits implements AutoCloseable {

    private final LoadedDataset data;
    private final Normalization normalization;
    private final Split training;
    private final Split validation;
    private final Split test;

    private DataSplits(
            LoadedDataset data,
            Normalization normalization,
            Split training,
            Split validation,
            Split test) {
        this.data = data;
        this.normalization = normalization;
        this.training = training;
        this.validation = validation;
        this.test = test;
    }

    /**
     * Splits a data set and normalises it with mean and standard deviation fitted on the training
     * split.
     *
     * @param data the loaded data; the splits take it over (normalise it in place, close it); if
     *     this throws, the data is untouched and still the caller's
     * @param spec the sizes and the seed
     * @return the splits
     * @throws DataException if the sizes do not fit the data
     */
    public static DataSplits create(LoadedDataset data, SplitSpec spec) {
        return create(data, spec, null);
    }

    /**
     * Splits a data set and normalises it with the given constants.
     *
     * @param data the loaded data; the splits take it over (normalise it in place, close it); if
     *     this throws, the data is untouched and still the caller's
     * @param spec the sizes and the seed
     * @param normalization the normalisation, or null to fit it on the training split
     * @return the splits
     * @throws DataException if the sizes do not fit the data
     */
    public static DataSplits create(
            LoadedDataset data, SplitSpec spec, Normalization normalization) {
        ImageSet train = data.train();
        int[] trainLabels = train.labelValues();
        long[][] chosen = choose(trainLabels, train.classNames(), spec);
        Normalization used =
                normalization != null
                        ? normalization
                        : Normalization.fit(
                                train, chosen[0], data.dataset().input() == InputKind.TABLE);
        long channels = train.imageShape().get(0);
        if (used.channels() != channels) {
            throw new DataException(
                    "the normalisation has "
                            + used.channels()
                            + " channels; "
                            + data.dataset().name()
                            + " images have "
                            + channels);
        }
        data.takeOver();
        used.applyInPlace(train.images());
        used.applyInPlace(data.test().images());
        long[] all = new long[data.test().size()];
        Arrays.setAll(all, i -> i);
        return new DataSplits(
                data,
                used,
                new Split(Split.Role.TRAINING, train, chosen[0], trainLabels, used),
                new Split(Split.Role.VALIDATION, train, chosen[1], trainLabels, used),
                new Split(Split.Role.TEST, data.test(), all, data.test().labelValues(), used));
    }

    /**
     * Chooses the training and validation indices, stratified: for each class, its images in an
     * order shuffled by the seed; the first ones go to validation, the next ones to training.
     *
     * @param labels the class of every image of the data set's training set
     * @param classNames the class names
     * @param spec the sizes and the seed
     * @return {training indices, validation indices}, each ascending
     * @throws DataException if the sizes do not fit the data
     */
    public static long[][] choose(int[] labels, List<String> classNames, SplitSpec spec) {
        int classes = classNames.size();
        List<List<Long>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add((long) i);
        }
        int validationPerClass = perClass("validation", spec.validationSize(), classes);
        int trainingPerClass = perClass("training", spec.trainingSize(), classes);
        Random random = new Random(Seeds.mix(spec.seed(), Seeds.SPLIT));
        List<Long> training = new ArrayList<>();
        List<Long> validation = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Long> images = byClass.get(c);
            String name = "class " + c + " '" + classNames.get(c) + "'";
            if (images.size() < validationPerClass) {
                throw new DataException(
                        "validation size "
                                + spec.validationSize()
                                + " needs "
                                + validationPerClass
                                + " images of each class, but "
                                + name
                                + " has only "
                                + images.size()
                                + " in the training set");
            }
            Collections.shuffle(images, random);
            validation.addAll(images.subList(0, validationPerClass));
            List<Long> rest = images.subList(validationPerClass, images.size());
            if (spec.trainingSize() == SplitSpec.ALL_REMAINING) {
                training.addAll(rest);
            } else if (rest.size() < trainingPerClass) {
                throw new DataException(
                        "training size "
                                + spec.trainingSize()
                                + " needs "
                                + trainingPerClass
                                + " images of each class, but "
                                + name
                                + " has only "
                                + rest.size()
                                + " left after the validation split of "
                                + spec.validationSize());
            } else {
                training.addAll(rest.subList(0, trainingPerClass));
            }
        }
        if (training.isEmpty()) {
            throw new DataException(
                    "validation size "
                            + spec.validationSize()
                            + " leaves no training images out of "
                            + labels.length);
        }
        return new long[][] {sorted(training), sorted(validation)};
    }

    private static int perClass(String what, int size, int classes) {
        if (size % classes != 0) {
            throw new DataException(
                    what
                            + " size "
                            + size
                            + " is not a multiple of the "
                            + classes
                            + " classes; a stratified split needs an equal count per class");
        }
        return size / classes;
    }

    private static long[] sorted(List<Long> indices) {
        long[] result = indices.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(result);
        return result;
    }

    /** Returns which data set this is. */
    public DatasetDefinition dataset() {
        return data.dataset();
    }

    /** Returns the class names, index = label. */
    public List<String> classNames() {
        return training.classNames();
    }

    /** Returns the split to train on. */
    public Split training() {
        return training;
    }

    /** Returns the split held out of the training set, whose scores give the class weights. */
    public Split validation() {
        return validation;
    }

    /** Returns the official test set, for the final comparison only; never for class weights. */
    public Split test() {
        return test;
    }

    /** Returns where the test split comes from, with its size. */
    public TestSource testSource() {
        return data.testSource();
    }

    /** Returns the fingerprint of the files the data was read from. */
    public DataFingerprint fingerprint() {
        return data.fingerprint();
    }

    /** Returns the normalisation applied to every image. */
    public Normalization normalization() {
        return normalization;
    }

    /** Frees the arrays. */
    @Override
    public void close() {
        data.close();
    }
}
