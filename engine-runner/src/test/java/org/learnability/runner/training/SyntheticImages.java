package org.learnability.runner.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Writes small CIFAR-10 data sets in DJL's binary layout ({@code data_batch.bin} and {@code
 * test_batch.bin}: records of 1 label byte and 3 x 32 x 32 pixel bytes) with an easy pattern: an
 * image of class c is noise with a bright 8 x 8 square at a place that belongs to c.
 */
final class SyntheticImages {

    private SyntheticImages() {}

    /**
     * Writes the two files.
     *
     * @param dir where to write
     * @param trainPerClass training images per class
     * @param testPerClass test images per class
     * @param place maps a class to the place of its square, 0 to 15 on a 4 x 4 grid; two classes
     *     with one place cannot be told apart
     * @return {@code dir}
     */
    static Path write(Path dir, int trainPerClass, int testPerClass, IntUnaryOperator place)
            throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(99);
        Files.write(dir.resolve("data_batch.bin"), records(trainPerClass, place, random));
        Files.write(dir.resolve("test_batch.bin"), records(testPerClass, place, random));
        return dir;
    }

    private static byte[] records(int perClass, IntUnaryOperator place, Random random) {
        int record = 1 + 3 * 32 * 32;
        byte[] bytes = new byte[10 * perClass * record];
        for (int i = 0; i < 10 * perClass; i++) {
            int label = i % 10;
            int offset = i * record;
            bytes[offset] = (byte) label;
            int cell = place.applyAsInt(label);
            int top = (cell / 4) * 8;
            int left = (cell % 4) * 8;
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        boolean square = y >= top && y < top + 8 && x >= left && x < left + 8;
                        int value = (square ? 200 : 60) + random.nextInt(50);
                        bytes[offset + 1 + ch * 1024 + y * 32 + x] = (byte) value;
                    }
                }
            }
        }
        return bytes;
    }
}
