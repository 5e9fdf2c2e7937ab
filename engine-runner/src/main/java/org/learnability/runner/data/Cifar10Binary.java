package org.learnability.runner.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Dataset.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CIFAR-10's binary files in DJL's layout ({@value Cifar10Files#TRAIN}, {@value Cifar10Files#TEST}:
 * records of a label byte and 3x32x32 pixel bytes, channel-major) read as DJL's {@code Cifar10}
 * reads them: images {@code (N, 32, 32, 3)} and labels {@code (N)}, float32 0-255.
 *
 * <p>Read here rather than through DJL's {@code Cifar10}, which fills its array with {@code
 * NDArray.set(byte[])}: on PyTorch that is the native {@code torchSet}, whose deprecated {@code
 * AutoNonVariableTypeMode} guard prints a paragraph of warning on standard error. An array made
 * from a direct buffer is the same values without it.
 */
final class Cifar10Binary {

    private Cifar10Binary() {}

    /**
     * Reads one split of a prepared directory.
     *
     * @param directory the directory {@link Cifar10Files#prepare} gave
     * @param usage the training or the test split
     * @param manager owns the arrays
     * @return the data set, not yet sampled
     */
    static ArrayDataset read(Path directory, Usage usage, NDManager manager) {
        Path file = directory.resolve(usage == Usage.TEST ? Cifar10Files.TEST : Cifar10Files.TRAIN);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int records = bytes.length / Cifar10Files.RECORD_BYTES;
        ByteBuffer direct = ByteBuffer.allocateDirect(records * Cifar10Files.RECORD_BYTES);
        direct.order(ByteOrder.nativeOrder()).put(bytes, 0, direct.capacity()).rewind();
        NDArray all;
        try (NDArray raw =
                manager.create(
                        direct, new Shape(records, Cifar10Files.RECORD_BYTES), DataType.UINT8)) {
            all = raw.toType(DataType.FLOAT32, false);
        }
        return new ArrayDataset.Builder()
                .setData(all.get(":, 1:").reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
                .optLabels(all.get(":, 0"))
                .setSampling(1, false)
                .build();
    }
}
