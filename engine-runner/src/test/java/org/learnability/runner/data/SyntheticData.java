package org.learnability.runner.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny data set written in the real file formats: 10 classes, 6 training and 2 test images per
 * class, with deterministic pixel values, the same content as CIFAR-10 (32x32x3) and as
 * Fashion-MNIST (28x28x1).
 */
final class SyntheticData {

    static final int CLASSES = 10;
    static final int TRAIN = 60;
    static final int TEST = 20;

    private SyntheticData() {}

    static int count(boolean test) {
        return test ? TEST : TRAIN;
    }

    /** The label of image {@code r}: classes take turns. */
    static int label(int r) {
        return r % CLASSES;
    }

    static int[] labels(boolean test) {
        int[] labels = new int[count(test)];
        Arrays.setAll(labels, SyntheticData::label);
        return labels;
    }

    /** The pixel value of image {@code r}, channel {@code c}, row {@code y}, column {@code x}. */
    static int pixel(boolean test, int r, int c, int y, int x) {
        return ((test ? 101 : 0) + r * 7 + c * 31 + y * 3 + x * 5 + (y * x) % 13) & 0xFF;
    }

    /** The images as the loader must return them: (N, C, H, W) in row-major order. */
    static float[] expectedImages(boolean test, int channels, int side) {
        int n = count(test);
        float[] values = new float[n * channels * side * side];
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        values[k++] = pixel(test, r, c, y, x);
                    }
                }
            }
        }
        return values;
    }

    /** CIFAR-10 records {@code from} (inclusive) to {@code to}: label byte, then R, G, B planes. */
    static byte[] cifarRecords(boolean test, int from, int to) {
        byte[] bytes = new byte[(to - from) * 3073];
        int k = 0;
        for (int r = from; r < to; r++) {
            bytes[k++] = (byte) label(r);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        bytes[k++] = (byte) pixel(test, r, c, y, x);
                    }
                }
            }
        }
        return bytes;
    }

    static byte[] cifarTrain() {
        return cifarRecords(false, 0, TRAIN);
    }

    static byte[] cifarTest() {
        return cifarRecords(true, 0, TEST);
    }

    /** Writes DJL's layout: data_batch.bin and test_batch.bin. */
    static Path writeDjlLayout(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("data_batch.bin"), cifarTrain());
        Files.write(dir.resolve("test_batch.bin"), cifarTest());
        return dir;
    }

    /**
     * Writes the official folder: data_batch_1.bin to data_batch_5.bin (12 records each),
     * test_batch.bin.
     */
    static Path writeOfficialFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int b = 0; b < 5; b++) {
            Files.write(
                    dir.resolve("data_batch_" + (b + 1) + ".bin"),
                    cifarRecords(false, b * 12, b * 12 + 12));
        }
        Files.write(dir.resolve("test_batch.bin"), cifarTest());
        Files.writeString(dir.resolve("batches.meta.txt"), "airplane\nautomobile\n");
        return dir;
    }

    /**
     * Writes the official archive's layout, with the entries in a mixed order, into {@code file}.
     */
    static Path writeArchive(Path file) throws IOException {
        String[] order = {
            "test_batch.bin",
            "data_batch_3.bin",
            "data_batch_1.bin",
            "batches.meta.txt",
            "data_batch_5.bin",
            "data_batch_2.bin",
            "data_batch_4.bin"
        };
        return writeArchive(file, order);
    }

    static Path writeArchive(Path file, String... entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            writeTarEntry(out, "cifar-10-batches-bin/", null);
            for (String name : entries) {
                byte[] content;
                if (name.equals("test_batch.bin")) {
                    content = cifarTest();
                } else if (name.startsWith("data_batch_")) {
                    int b = Integer.parseInt(name.substring(11, 12)) - 1;
                    content = cifarRecords(false, b * 12, b * 12 + 12);
                } else {
                    content = "airplane\n".getBytes(StandardCharsets.US_ASCII);
                }
                writeTarEntry(out, "cifar-10-batches-bin/" + name, content);
            }
            out.write(new byte[1024]); // end of archive: two zero blocks
        }
        return file;
    }

    /**
     * Writes one ustar entry: a 512-byte header, then the content padded to 512 bytes; a directory
     * when the content is null. (Written by hand: commons-compress's tar writer needs
     * commons-lang3, which DJL leaves off the class path.)
     */
    static void writeTarEntry(OutputStream out, String name, byte[] content) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content == null ? 0 : content.length));
        put(header, 136, String.format("%011o", 1_600_000_000L));
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = (byte) (content == null ? '5' : '0');
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o", sum));
        header[155] = ' ';
        out.write(header);
        if (content != null) {
            out.write(content);
            out.write(new byte[(512 - content.length % 512) % 512]);
        }
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    /** An IDX file of 28x28 unsigned-byte images. */
    static byte[] idxImages(boolean test) throws IOException {
        int n = count(test);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(n);
        out.writeInt(28);
        out.writeInt(28);
        for (int r = 0; r < n; r++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    out.write(pixel(test, r, 0, y, x));
                }
            }
        }
        return bytes.toByteArray();
    }

    /** An IDX file of labels. */
    static byte[] idxLabels(boolean test) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(count(test));
        for (int label : labels(test)) {
            out.write(label);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    /** Writes the four official Fashion-MNIST files. */
    static Path writeFashion(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(false)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(false)));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(true)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(true)));
        return dir;
    }
}
