package org.learnability.runner.data;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Finds Fashion-MNIST, validates it, and returns a directory that DJL's {@code FashionMnist} reads
 * through a local repository.
 *
 * <p>DJL's {@code FashionMnist} asks its repository's artifact for the items {@code train_data},
 * {@code train_labels}, {@code test_data} and {@code test_labels}. For a local directory DJL makes
 * a {@code SimpleRepository}, whose items are the directory's files keyed by file name, read as
 * they are (no decompression). So the directory must hold four uncompressed IDX files named exactly
 * so; DJL skips their 16- and 8-byte headers without looking at them and takes the number of images
 * from the label file. The official files ({@code train-images-idx3-ubyte.gz} etc., e.g. in {@code
 * /usr/share/datasets/fashion-mnist}) are therefore decompressed, checked, and written under those
 * names into a {@link DataCache} entry. A directory already in DJL's layout (such as DJL's own
 * cache) is checked and used in place.
 */
final class FashionMnistFiles {

    static final int IMAGE_MAGIC = 0x00000803;
    static final int LABEL_MAGIC = 0x00000801;
    static final int SIDE = 28;

    /** One of the four files, with its official and its DJL name. */
    enum Part {
        TRAIN_IMAGES("train-images-idx3-ubyte.gz", "train_data", true),
        TRAIN_LABELS("train-labels-idx1-ubyte.gz", "train_labels", false),
        TEST_IMAGES("t10k-images-idx3-ubyte.gz", "test_data", true),
        TEST_LABELS("t10k-labels-idx1-ubyte.gz", "test_labels", false);

        final String official;
        final String djl;
        final boolean images;

        Part(String official, String djl, boolean images) {
            this.official = official;
            this.djl = djl;
            this.images = images;
        }
    }

    static final List<String> OFFICIAL = Arrays.stream(Part.values()).map(p -> p.official).toList();
    static final List<String> DJL = Arrays.stream(Part.values()).map(p -> p.djl).toList();
    static final String EXPECTED =
            "a directory holding the Fashion-MNIST files " + String.join(", ", OFFICIAL);

    private FashionMnistFiles() {}

    /**
     * Returns a directory in DJL's layout with the validated data found in {@code directory}.
     *
     * @param directory a directory holding the four official files (or DJL's four)
     * @param cache where the decompressed files are kept
     * @return a directory holding {@code train_data}, {@code train_labels}, {@code test_data} and
     *     {@code test_labels}
     * @throws DataException naming the file and what was expected, before DJL sees anything
     */
    static Path prepare(Path directory, DataCache cache) {
        InputFiles.requireDirectory(directory, EXPECTED);
        if (InputFiles.anyPresent(directory, OFFICIAL) || !InputFiles.anyPresent(directory, DJL)) {
            InputFiles.requireFiles(
                    directory, OFFICIAL, "the Fashion-MNIST files " + String.join(", ", OFFICIAL));
            List<Path> files = OFFICIAL.stream().map(directory::resolve).toList();
            return cache.entry(
                    "fashion-mnist",
                    files,
                    out -> {
                        long[] counts = new long[4];
                        for (Part part : Part.values()) {
                            Path file = directory.resolve(part.official);
                            try (InputStream in = InputFiles.gunzip(file);
                                    OutputStream o =
                                            new BufferedOutputStream(
                                                    Files.newOutputStream(out.resolve(part.djl)),
                                                    1 << 16)) {
                                counts[part.ordinal()] =
                                        copyIdx(in, file.toString(), part.images, o);
                            }
                        }
                        checkCounts(directory, counts, true);
                    });
        }
        InputFiles.requireFiles(
                directory, DJL, "DJL's Fashion-MNIST files " + String.join(", ", DJL));
        long[] counts = new long[4];
        for (Part part : Part.values()) {
            Path file = directory.resolve(part.djl);
            try (InputStream in = InputFiles.open(file)) {
                counts[part.ordinal()] = copyIdx(in, file.toString(), part.images, null);
            } catch (IOException e) {
                throw new DataException(file + ": cannot read (" + InputFiles.describe(e) + ")", e);
            }
        }
        checkCounts(directory, counts, false);
        return directory;
    }

    private static void checkCounts(Path directory, long[] counts, boolean official) {
        for (int images = 0; images < 4; images += 2) {
            if (counts[images] != counts[images + 1]) {
                Part imagePart = Part.values()[images];
                Part labelPart = Part.values()[images + 1];
                throw new DataException(
                        directory.resolve(official ? imagePart.official : imagePart.djl)
                                + " holds "
                                + counts[images]
                                + " images but "
                                + (official ? labelPart.official : labelPart.djl)
                                + " holds "
                                + counts[images + 1]
                                + " labels; expected as many labels as images");
            }
        }
    }

    /**
     * Reads one IDX file (unsigned-byte images of 28x28 or labels), checks its header, its size and
     * every label, and copies it unchanged to {@code out} unless that is null.
     *
     * @return the number of images or labels
     */
    static long copyIdx(InputStream in, String name, boolean images, OutputStream out)
            throws IOException {
        DataInputStream data = new DataInputStream(in);
        int headerBytes = images ? 16 : 8;
        int magic;
        long count;
        int rows = SIDE;
        int cols = SIDE;
        try {
            magic = data.readInt();
            int expectedMagic = images ? IMAGE_MAGIC : LABEL_MAGIC;
            if (magic != expectedMagic) {
                throw new DataException(
                        String.format(
                                "%s: magic number 0x%08X; expected 0x%08X (IDX unsigned-byte %s)",
                                name,
                                magic,
                                expectedMagic,
                                images ? "images, 3 dimensions" : "labels, 1 dimension"));
            }
            count = Integer.toUnsignedLong(data.readInt());
            if (images) {
                rows = data.readInt();
                cols = data.readInt();
            }
        } catch (EOFException e) {
            throw new DataException(
                    name + ": too short for its " + headerBytes + "-byte IDX header", e);
        }
        if (count == 0) {
            throw new DataException(
                    name
                            + ": header says 0 "
                            + (images ? "images" : "labels")
                            + "; expected at least one");
        }
        if (rows != SIDE || cols != SIDE) {
            throw new DataException(
                    name
                            + ": images of "
                            + rows
                            + "x"
                            + cols
                            + " pixels; expected "
                            + SIDE
                            + "x"
                            + SIDE);
        }
        if (out != null) {
            DataOutputStream header = new DataOutputStream(out);
            header.writeInt(magic);
            header.writeInt((int) count);
            if (images) {
                header.writeInt(rows);
                header.writeInt(cols);
            }
            header.flush();
        }
        long expected = images ? count * SIDE * SIDE : count;
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        int read;
        while ((read = data.read(buffer)) > 0) {
            int useful = (int) Math.max(0, Math.min(read, expected - done));
            if (!images) {
                for (int i = 0; i < useful; i++) {
                    int label = buffer[i] & 0xFF;
                    if (label > 9) {
                        throw new DataException(
                                name
                                        + ": label "
                                        + label
                                        + " at index "
                                        + (done + i)
                                        + " (counting from 0); expected a label from 0 to 9");
                    }
                }
            }
            if (out != null && useful > 0) {
                out.write(buffer, 0, useful);
            }
            done += read;
        }
        if (done != expected) {
            throw new DataException(
                    name
                            + ": header says "
                            + count
                            + (images ? " images of 28x28 pixels (" : " labels (")
                            + expected
                            + " bytes after the "
                            + headerBytes
                            + "-byte header) but "
                            + done
                            + " bytes follow it");
        }
        if (out != null) {
            out.flush();
        }
        return count;
    }
}
