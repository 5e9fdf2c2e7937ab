package org.learnability.runner.data;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.learnability.api.weights.ClassWeights;

/**
 * One split of a data set: a set of indices into the in-memory source tensors of its {@link
 * ImageSet} (normalised), with a role that says what it may be used for. Batches are read from the
 * source with one slice or one gather each; nothing is copied up front.
 */
public final class Split {

    /** What a split is for. */
    public enum Role {
        /** Trains the weights of a model; the only split that may be augmented. */
        TRAINING,
        /** Held out of the training set; its per-class scores give the class weights. */
        VALIDATION,
        /** The official test set: final evaluation only, never used to compute class weights. */
        TEST
    }

    private final Role role;
    private final ImageSet source;
    private final long[] indices;
    private final int[] labels;
    private final Normalization normalization;

    /**
     * Creates a split.
     *
     * @param role what the split is for
     * @param source the normalised source tensors
     * @param indices indices into the source, in the split's order
     * @param sourceLabels every label of the source, as Java ints
     * @param normalization the normalisation applied to the source
     */
    Split(
            Role role,
            ImageSet source,
            long[] indices,
            int[] sourceLabels,
            Normalization normalization) {
        this.role = role;
        this.source = source;
        this.indices = indices.clone();
        this.labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = sourceLabels[Math.toIntExact(indices[i])];
        }
        this.normalization = normalization;
    }

    /** A split of some of another's images, whose labels are known already. */
    private Split(
            Role role, ImageSet source, Normalization normalization, long[] indices, int[] labels) {
        this.role = role;
        this.source = source;
        this.indices = indices;
        this.labels = labels;
        this.normalization = normalization;
    }

    /**
     * Returns some of this split's images as a split of the same role, for a mode that holds part
     * of a split out of training: those at the given positions, in that order.
     *
     * @param positions positions in this split's order
     * @return the split
     */
    public Split select(int[] positions) {
        long[] chosen = new long[positions.length];
        int[] chosenLabels = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            chosen[i] = indices[positions[i]];
            chosenLabels[i] = labels[positions[i]];
        }
        return new Split(role, source, normalization, chosen, chosenLabels);
    }

    /** Returns what this split is for. */
    public Role role() {
        return role;
    }

    /** Returns the number of images. */
    public int size() {
        return indices.length;
    }

    /** Returns the shape of one image, {@code (C, H, W)}. */
    public Shape imageShape() {
        return source.imageShape();
    }

    /** Returns the class names, index = label. */
    public List<String> classNames() {
        return source.classNames();
    }

    /** Returns the indices into the source set, in the split's order. */
    public long[] indices() {
        return indices.clone();
    }

    /** Returns the labels, in the split's order (the order of {@link #inOrder}). */
    public int[] labels() {
        return labels.clone();
    }

    /** Returns the number of images of each class. */
    public int[] classCounts() {
        int[] counts = new int[classNames().size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Returns the normalisation applied to the images. */
    public Normalization normalization() {
        return normalization;
    }

    /** Returns the source tensors the indices point into. */
    ImageSet source() {
        return source;
    }

    /**
     * Returns this split if it may be scored to compute class weights, i.e. unless it is the test
     * split. Call it where scores turn into weights.
     *
     * @return this split
     * @throws IllegalStateException for the test split
     */
    public Split requireUsableForWeights() {
        if (role == Role.TEST) {
            throw new IllegalStateException(
                    "the test split must never be used to compute class weights; score the validation split");
        }
        return this;
    }

    /**
     * Returns the batches in the split's order, without augmentation, for scoring.
     *
     * @param batchSize images per batch; the last batch may be smaller
     * @return the batches; close each one
     */
    public Iterable<Batch> inOrder(int batchSize) {
        return () -> BatchIterator.inOrder(this, batchSize);
    }

    /**
     * Returns one epoch of batches in a random order chosen by {@code seed} and {@code epoch},
     * without augmentation.
     *
     * @param batchSize images per batch; the last batch may be smaller
     * @param seed the run's seed
     * @param epoch the epoch, from 0; each gives another order
     * @return the batches; close each one
     */
    public Iterable<Batch> shuffled(int batchSize, long seed, int epoch) {
        return shuffled(batchSize, seed, epoch, Augmentation.NONE);
    }

    /**
     * Returns one epoch of batches in a random order chosen by {@code seed} and {@code epoch},
     * augmented.
     *
     * @param batchSize images per batch; the last batch may be smaller
     * @param seed the run's seed
     * @param epoch the epoch, from 0; each gives another order and other augmentations
     * @param augmentation the augmentation, only for the training split
     * @return the batches; close each one
     */
    public Iterable<Batch> shuffled(
            int batchSize, long seed, int epoch, Augmentation augmentation) {
        requireTrainingIfAugmented(augmentation);
        return () -> BatchIterator.shuffled(this, batchSize, seed, epoch, augmentation);
    }

    private void requireTrainingIfAugmented(Augmentation augmentation) {
        if (!augmentation.isNone() && role != Role.TRAINING) {
            throw new IllegalArgumentException(
                    "the "
                            + role.name().toLowerCase(Locale.ROOT)
                            + " split is never augmented; augmentation is for the training split only");
        }
    }

    /**
     * Returns one epoch of batches whose images are drawn with replacement by class weight: as many
     * draws as the split holds, image {@code j} with probability {@code w[y_j] / sum_k w[y_k]},
     * chosen by {@code seed} and {@code epoch} in Java, so every engine draws the same images
     * ({@link ClassSampler}).
     *
     * @param batchSize images per batch; the last batch may be smaller
     * @param seed the run's seed
     * @param epoch the epoch, from 0; each gives another draw
     * @param augmentation the augmentation, only for the training split
     * @param weights one weight per class
     * @return the batches; close each one
     */
    public Iterable<Batch> sampled(
            int batchSize, long seed, int epoch, Augmentation augmentation, ClassWeights weights) {
        requireTrainingIfAugmented(augmentation);
        long[] order = drawBySampling(weights, seed, epoch);
        return () -> BatchIterator.ordered(this, order, batchSize, seed, epoch, augmentation);
    }

    /**
     * Returns the source indices of one epoch drawn by class weight, in draw order ({@link
     * ClassSampler}).
     *
     * @param weights one weight per class
     * @param seed the run's seed
     * @param epoch the epoch
     * @return as many source indices as the split holds, drawn with replacement
     */
    public long[] drawBySampling(ClassWeights weights, long seed, int epoch) {
        weights.requireSize(classNames().size());
        return ClassSampler.draw(indices, labels, weights, seed, epoch);
    }

    /**
     * Cuts this split into two stratified halves chosen by a seed: each class's positions (in the
     * split's order) shuffled, the first {@code floor(n_c / 2)} to the first half, the rest to the
     * second. Classifier re-training trains on the first half and judges on the second.
     *
     * @param seed the run's seed
     * @return {first half, second half}: positions in this split's order, each ascending
     */
    public int[][] halves(long seed) {
        return halves(labels, classNames().size(), seed);
    }

    /**
     * Cuts a split into two stratified halves chosen by a seed, as {@link #halves(long)} does.
     *
     * @param labels the class of every image of the split, in its order
     * @param classes the number of classes
     * @param seed the run's seed
     * @return {first half, second half}: positions in the split's order, each ascending
     */
    public static int[][] halves(int[] labels, int classes, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(Seeds.mix(seed, Seeds.HALVES));
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (List<Integer> positions : byClass) {
            Collections.shuffle(positions, random);
            int cut = positions.size() / 2;
            first.addAll(positions.subList(0, cut));
            second.addAll(positions.subList(cut, positions.size()));
        }
        return new int[][] {
            first.stream().mapToInt(Integer::intValue).sorted().toArray(),
            second.stream().mapToInt(Integer::intValue).sorted().toArray()
        };
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(Locale.ROOT) + " split of " + indices.length + " images";
    }
}
