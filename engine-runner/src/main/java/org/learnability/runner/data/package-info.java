/**
 * Data sets for Learnability: CIFAR-10 and Fashion-MNIST read through DJL's built-in classes, held
 * in memory as whole tensors, split for the method, and served in batches by a fast data path.
 *
 * <pre>{@code
 * DatasetLoader loader = new DatasetLoader(DataCache.inTempDirectory());
 * LoadedDataset data = loader.load(new Cifar10Dataset(), DataSource.local(Path.of("/path")), manager);
 * try (DataSplits splits = DataSplits.create(data, SplitSpec.defaults(seed))) {
 *     for (int epoch = 0; epoch < epochs; epoch++) {
 *         for (Batch batch : splits.training().shuffled(128, seed, epoch, Augmentation.cifar10())) {
 *             try (batch) {
 *                 EasyTrain.trainBatch(trainer, batch);
 *                 trainer.step();
 *             }
 *         }
 *     }
 *     Split forWeights = splits.validation().requireUsableForWeights(); // score it in order
 *     for (Batch batch : forWeights.inOrder(512)) { ... batch.close(); }
 *     for (Batch batch : splits.test().inOrder(512)) { ... }         // final comparison only
 * }
 * }</pre>
 *
 * <p>Bad input (a missing directory or file, a wrong size, magic number or label, a broken gzip or
 * tar) is found before DJL reads anything and reported as one {@link
 * org.learnability.runner.data.DataException} line naming the file or value and what was expected.
 */
package org.learnability.runner.data;
