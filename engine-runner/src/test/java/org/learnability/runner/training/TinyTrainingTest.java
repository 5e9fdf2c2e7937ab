package org.learnability.runner.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.learnability.api.weights.ClassWeights;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.loss.WeightedSoftmaxCrossEntropyLoss;
import org.learnability.runner.testing.EngineTest;

/**
 * A tiny model trained a few steps with the weighted loss lowers it, on the engine the property
 * names.
 */
@EngineTest
class TinyTrainingTest {

    @Test
    void aFewStepsLowerTheWeightedLoss() throws Exception {
        EngineSelection selection = EngineSelection.fromSystem();
        Engine engine = selection.engine();
        String expected = System.getProperty(EngineSelection.PROPERTY, EngineSelection.DEFAULT);
        assertEquals(
                expected,
                engine.getEngineName(),
                "the engine named by -Dai.djl.default_engine runs");
        engine.setRandomSeed(7);

        // Three Gaussian blobs in 2-D, 64 points each.
        int perClass = 64;
        float[][] centres = {{-2, 0}, {2, 0}, {0, 2.5f}};
        float[] x = new float[3 * perClass * 2];
        float[] y = new float[3 * perClass];
        Random random = new Random(11);
        for (int i = 0; i < y.length; i++) {
            int c = i % 3;
            y[i] = c;
            x[2 * i] = centres[c][0] + (float) random.nextGaussian() * 0.7f;
            x[2 * i + 1] = centres[c][1] + (float) random.nextGaussian() * 0.7f;
        }
        try (NDManager manager = engine.newBaseManager(Device.cpu());
                Model model = Model.newInstance("tiny", Device.cpu(), selection.name())) {
            NDArray features = manager.create(x, new Shape(y.length, 2));
            NDArray labels = manager.create(y);
            model.setBlock(
                    new SequentialBlock()
                            .add(Linear.builder().setUnits(16).build())
                            .add(Activation::relu)
                            .add(Linear.builder().setUnits(3).build()));
            WeightedSoftmaxCrossEntropyLoss loss =
                    new WeightedSoftmaxCrossEntropyLoss(
                            "weighted", ClassWeights.of(1, 2, 3), manager);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(loss)
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.05f))
                                            .build())
                            .optDevices(new Device[] {Device.cpu()});
            ArrayDataset data =
                    new ArrayDataset.Builder()
                            .setData(features)
                            .optLabels(labels)
                            .setSampling(32, true)
                            .build();
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(32, 2));
                float before = lossOnAll(trainer, loss, features, labels);
                for (int epoch = 0; epoch < 5; epoch++) {
                    for (Batch batch : trainer.iterateDataset(data)) {
                        EasyTrain.trainBatch(trainer, batch);
                        trainer.step();
                        batch.close();
                    }
                }
                float after = lossOnAll(trainer, loss, features, labels);
                assertTrue(after < 0.5f * before, "loss fell from " + before + " to " + after);
            }
        }
    }

    private static float lossOnAll(
            Trainer trainer, WeightedSoftmaxCrossEntropyLoss loss, NDArray x, NDArray y) {
        NDList predictions = trainer.evaluate(new NDList(x));
        return loss.evaluate(new NDList(y), predictions).getFloat();
    }
}
