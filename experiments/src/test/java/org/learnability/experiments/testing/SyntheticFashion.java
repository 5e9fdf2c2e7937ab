package org.learnability.experiments.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a small data set in Fashion-MNIST's real format, the four gzip-compressed IDX files: an
 * image of class c is noise with a bright 7 x 7 square at a place of its own, except that classes 0
 * and 1 share a place, so that the baseline confuses them.
 */
public final class SyntheticFashion {

    /** Training images a class in the set of {@link #in}. */
    public static final int TRAIN_PER_CLASS = 40;

    /** Test images a class in the set of {@link #in}. */
    public static final int TEST_PER_CLASS = 10;

    private SyntheticFashion() {}

    /**
     * The set a test's small runs train on, in {@code fashion} in the test's directory: {@link
     * #TRAIN_PER_CLASS} training and {@link #TEST_PER_CLASS} test images a class, written the first
     * time it is asked for there.
     *
     * @param dir the test's directory
     * @return the data directory
     */
    public static Path in(Path dir) {
        Path data = dir.resolve("fashion");
        if (Files.isDirectory(data)) {
            return data;
        }
        try {
            return write(data, TRAIN_PER_CLASS, TEST_PER_CLASS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the files.
     *
     * @param dir where to write
     * @param trainPerClass training images per class
     * @param testPerClass test images per class
     * @return {@code dir}
     */
    public static Path write(Path dir, int trainPerClass, int testPerClass) throws IOException {
        return write(dir, trainPerClass, testPerClass, Set.of());
    }

    /**
     * Writes the files, some training images showing another class's square: image {@code i} of the
     * training file, of class {@code y}, shows the square of class {@code (y + 5) mod 10} if {@code
     * shifted} holds {@code i}; its label stays {@code y}.
     *
     * @param dir where to write
     * @param trainPerClass training images per class
     * @param testPerClass test images per class
     * @param shifted indices into the training file
     * @return {@code dir}
     */
    public static Path write(Path dir, int trainPerClass, int testPerClass, Set<Integer> shifted)
            throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(5);
        write(dir, "train", trainPerClass, random, shifted);
        write(dir, "t10k", testPerClass, random, Set.of());
        return dir;
    }

    private static void write(
            Path dir, String prefix, int perClass, Random random, Set<Integer> shifted)
            throws IOException {
        int n = 10 * perClass;
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (DataOutputStream img = new DataOutputStream(images);
                DataOutputStream lab = new DataOutputStream(labels)) {
            img.writeInt(0x00000803);
            img.writeInt(n);
            img.writeInt(28);
            img.writeInt(28);
            lab.writeInt(0x00000801);
            lab.writeInt(n);
            for (int i = 0; i < n; i++) {
                int label = i % 10;
                lab.writeByte(label);
                int shown = shifted.contains(i) ? (label + 5) % 10 : label;
                int place = shown == 1 ? 0 : shown;
                int top = (place / 4) * 7;
                int left = (place % 4) * 7;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        boolean square = y >= top && y < top + 7 && x >= left && x < left + 7;
                        img.writeByte((square ? 180 : 30) + random.nextInt(60));
                    }
                }
            }
        }
        gzip(dir.resolve(prefix + "-images-idx3-ubyte.gz"), images.toByteArray());
        gzip(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), labels.toByteArray());
    }

    private static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
