package org.learnability.runner.head;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.learnability.runner.scoring.Logits;
import org.learnability.runner.scoring.TestTimeAugmentation;
import org.learnability.runner.training.BatchSource;

/**
 * A trained model's features on the splits, computed once (one inference pass of the layers before
 * the head per split and view) and kept, with the model's own head: a re-trained head is trained
 * and scored on these alone, so a head epoch costs one small matrix product per batch, not a pass
 * through the network.
 *
 * <p>Logits are computed batch by batch as the model's own forward pass computes them ({@code
 * Linear.linear(f, W, b)} on each scoring batch's features, the views averaged as {@link
 * TestTimeAugmentation} averages them), so the model's own head gives the model's logits bit for
 * bit.
 */
public final class HeadFeatures implements AutoCloseable {

    /** The splits features are kept for. */
    public enum Part {
        /** The training split, only when a head trains on it. */
        TRAINING,
        /** The validation split. */
        VALIDATION,
        /** The test split. */
        TEST
    }

    private final NDManager manager;
    private final HeadParameters own;
    private final List<String> classNames;
    private final TestTimeAugmentation augmentation;
    private final Map<Part, PartFeatures> parts;

    private HeadFeatures(
            NDManager manager,
            HeadParameters own,
            List<String> classNames,
            TestTimeAugmentation augmentation,
            Map<Part, PartFeatures> parts) {
        this.manager = manager;
        this.own = own;
        this.classNames = List.copyOf(classNames);
        this.augmentation = augmentation;
        this.parts = parts;
    }

    /**
     * Computes a model's features.
     *
     * @param model the trained model
     * @param split its block cut before the head
     * @param sources the splits to compute them on, each in its own order
     * @param batchSize the scoring batch size
     * @param augmentation the views the validation and test logits average over (the training
     *     split's features are of the images alone)
     * @param classNames the class names
     * @return the features; the caller closes them
     */
    public static HeadFeatures compute(
            Model model,
            HeadSplit split,
            Map<Part, BatchSource> sources,
            int batchSize,
            TestTimeAugmentation augmentation,
            List<String> classNames) {
        NDManager manager = model.getNDManager().newSubManager();
        try {
            ParameterStore parameters = new ParameterStore(manager, false);
            Map<Part, PartFeatures> parts = new EnumMap<>(Part.class);
            for (Map.Entry<Part, BatchSource> e : sources.entrySet()) {
                TestTimeAugmentation views =
                        e.getKey() == Part.TRAINING ? TestTimeAugmentation.NONE : augmentation;
                parts.put(
                        e.getKey(),
                        PartFeatures.compute(
                                split, parameters, e.getValue(), batchSize, views, manager));
            }
            return new HeadFeatures(
                    manager, HeadParameters.of(split.head()), classNames, augmentation, parts);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Returns the model's own head. */
    public HeadParameters own() {
        return own;
    }

    /**
     * Returns the class of every image of a split, in its order.
     *
     * @param part the split
     * @return the labels
     */
    public int[] labels(Part part) {
        return part(part).classes.clone();
    }

    /**
     * Returns the logits of a head on a split, {@code W f + b} per scoring batch, the views
     * averaged.
     *
     * @param part the split
     * @param head the head
     * @return the logits with the labels; the caller closes them
     */
    public Logits logits(Part part, HeadParameters head) {
        PartFeatures features = part(part);
        NDManager sub = manager.newSubManager();
        try {
            NDArray w = head.weightArray(sub);
            NDArray b = head.biasArray(sub);
            NDList batches = new NDList();
            for (List<NDArray> views : features.batches) {
                List<NDArray> logits = new ArrayList<>(views.size());
                for (NDArray view : views) {
                    NDArray l = Linear.linear(view, w, b).singletonOrThrow();
                    l.attach(sub);
                    logits.add(l);
                }
                NDArray averaged = augmentation(views.size()).average(logits);
                averaged.attach(sub);
                batches.add(averaged);
            }
            NDArray labels = features.labels.duplicate();
            labels.attach(sub);
            return new Logits(NDArrays.concat(batches), labels, classNames, sub);
        } catch (RuntimeException e) {
            sub.close();
            throw e;
        }
    }

    private static TestTimeAugmentation augmentation(int views) {
        return views == 1 ? TestTimeAugmentation.NONE : TestTimeAugmentation.FLIP;
    }

    /**
     * Returns some images' features (of the images alone, not their mirror images) as the batches a
     * head trains on.
     *
     * @param part the split
     * @param positions the images, by position in the split's order
     * @param seed the seed of each epoch's order
     * @return the rows; they live as long as these features
     */
    public BatchSource rows(Part part, int[] positions, long seed) {
        PartFeatures features = part(part);
        NDArray index = manager.create(Arrays.stream(positions).asLongStream().toArray());
        int[] classes = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            classes[i] = features.classes[positions[i]];
        }
        return new FeatureRows(
                features.images().get(index), features.labels.get(index), classes, seed);
    }

    /** Returns the number of features per image. */
    public int width() {
        return own.features();
    }

    private PartFeatures part(Part part) {
        PartFeatures features = parts.get(part);
        if (features == null) {
            throw new IllegalStateException("no features were computed on the " + part + " split");
        }
        return features;
    }

    /** Frees the features. */
    @Override
    public void close() {
        manager.close();
    }

    /**
     * One split's features: per scoring batch, the features of each view; the labels.
     *
     * @param batches per batch, the {@code (B, D)} features of each view
     * @param labels {@code (N)} labels as the split holds them
     * @param classes the labels in Java
     */
    private record PartFeatures(List<List<NDArray>> batches, NDArray labels, int[] classes) {

        static PartFeatures compute(
                HeadSplit split,
                ParameterStore parameters,
                BatchSource source,
                int batchSize,
                TestTimeAugmentation augmentation,
                NDManager manager) {
            List<List<NDArray>> batches = new ArrayList<>();
            NDList labels = new NDList();
            for (Batch batch : source.batches(batchSize, 0)) {
                try (batch) {
                    List<NDArray> views = new ArrayList<>(2);
                    for (NDList view : augmentation.views(batch.getData())) {
                        NDArray f = split.features(parameters, view).singletonOrThrow();
                        f.attach(manager);
                        views.add(f);
                    }
                    batches.add(views);
                    NDArray y = batch.getLabels().head().reshape(-1);
                    y.attach(manager);
                    labels.add(y);
                }
            }
            NDArray all = NDArrays.concat(labels);
            all.attach(manager);
            float[] values = all.toType(DataType.FLOAT32, false).toFloatArray();
            int[] classes = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                classes[i] = Math.round(values[i]);
            }
            return new PartFeatures(batches, all, classes);
        }

        /** The features of the images alone, {@code (N, D)}. */
        NDArray images() {
            NDList first = new NDList();
            batches.forEach(views -> first.add(views.get(0)));
            return NDArrays.concat(first);
        }
    }
}
