package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four official Fashion-MNIST files become DJL's four; every bad input gives its message. */
class FashionMnistFilesTest {

    @TempDir Path tmp;

    private DataCache cache() {
        return new DataCache(tmp.resolve("cache"));
    }

    private List<String> cacheEntries() throws IOException {
        Path root = tmp.resolve("cache");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private DataException fails(Path dir) {
        return assertThrows(DataException.class, () -> FashionMnistFiles.prepare(dir, cache()));
    }

    @Test
    void officialFilesBecomeDjlsNamesUncompressed() throws IOException {
        Path source = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        Path dir = FashionMnistFiles.prepare(source, cache());
        assertTrue(dir.startsWith(tmp.resolve("cache")));
        assertArrayEquals(
                SyntheticData.idxImages(false), Files.readAllBytes(dir.resolve("train_data")));
        assertArrayEquals(
                SyntheticData.idxLabels(false), Files.readAllBytes(dir.resolve("train_labels")));
        assertArrayEquals(
                SyntheticData.idxImages(true), Files.readAllBytes(dir.resolve("test_data")));
        assertArrayEquals(
                SyntheticData.idxLabels(true), Files.readAllBytes(dir.resolve("test_labels")));
        assertEquals(dir, FashionMnistFiles.prepare(source, cache()), "the cache entry is reused");
        // DJL's layout is validated and used in place
        assertEquals(dir, FashionMnistFiles.prepare(dir, cache()));
    }

    @Test
    void missingDirectoryAndMissingFiles() throws IOException {
        Path missing = tmp.resolve("nowhere");
        assertEquals(
                missing
                        + ": no such directory; expected a directory holding the Fashion-MNIST files"
                        + " train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,"
                        + " t10k-labels-idx1-ubyte.gz",
                fails(missing).getMessage());

        Path dir = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        assertEquals(
                dir
                        + ": missing t10k-labels-idx1-ubyte.gz; expected the Fashion-MNIST files"
                        + " train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,"
                        + " t10k-labels-idx1-ubyte.gz",
                fails(dir).getMessage());
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path dir = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(file, SyntheticData.gzip(SyntheticData.idxLabels(false)));
        assertEquals(
                file
                        + ": magic number 0x00000801; expected 0x00000803 (IDX unsigned-byte images, 3 dimensions)",
                fails(dir).getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void sizeThatDoesNotMatchTheHeader() throws IOException {
        Path dir = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        Path file = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] images = SyntheticData.idxImages(true);
        Files.write(file, SyntheticData.gzip(Arrays.copyOf(images, images.length - 784)));
        assertEquals(
                file
                        + ": header says 20 images of 28x28 pixels (15680 bytes after the 16-byte header)"
                        + " but 14896 bytes follow it",
                fails(dir).getMessage());

        Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
        Files.write(file, SyntheticData.gzip(images));
        Files.write(
                labels, SyntheticData.gzip(Arrays.copyOf(SyntheticData.idxLabels(true), 8 + 25)));
        assertEquals(
                labels
                        + ": header says 20 labels (20 bytes after the 8-byte header) but 25 bytes follow it",
                fails(dir).getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void labelOutsideZeroToNine() throws IOException {
        Path dir = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        Path file = dir.resolve("train-labels-idx1-ubyte.gz");
        byte[] labels = SyntheticData.idxLabels(false);
        labels[8 + 5] = 11;
        Files.write(file, SyntheticData.gzip(labels));
        assertEquals(
                file + ": label 11 at index 5 (counting from 0); expected a label from 0 to 9",
                fails(dir).getMessage());
    }

    @Test
    void brokenGzip() throws IOException {
        Path dir = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        Files.write(file, SyntheticData.idxImages(false));
        assertEquals(
                file + ": broken gzip data (Not in GZIP format); expected a complete gzip file",
                fails(dir).getMessage());
        byte[] gz = SyntheticData.gzip(SyntheticData.idxImages(false));
        Files.write(file, Arrays.copyOf(gz, gz.length / 2));
        assertTrue(fails(dir).getMessage().startsWith(file + ": broken gzip data ("));
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void imagesAndLabelsOfDifferentCounts() throws IOException {
        Path dir = SyntheticData.writeFashion(tmp.resolve("fashion-mnist"));
        Files.write(
                dir.resolve("t10k-labels-idx1-ubyte.gz"),
                SyntheticData.gzip(SyntheticData.idxLabels(false)));
        assertEquals(
                dir.resolve("t10k-images-idx3-ubyte.gz")
                        + " holds 20 images but t10k-labels-idx1-ubyte.gz holds"
                        + " 60 labels; expected as many labels as images",
                fails(dir).getMessage());
    }
}
