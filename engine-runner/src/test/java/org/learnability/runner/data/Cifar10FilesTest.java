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

/** Every accepted CIFAR-10 layout gives the same DJL-layout bytes; every bad input its message. */
class Cifar10FilesTest {

    @TempDir Path tmp;

    private DataCache cache() {
        return new DataCache(tmp.resolve("cache"));
    }

    private static void assertDjlLayout(Path dir) throws IOException {
        assertArrayEquals(
                SyntheticData.cifarTrain(), Files.readAllBytes(dir.resolve("data_batch.bin")));
        assertArrayEquals(
                SyntheticData.cifarTest(), Files.readAllBytes(dir.resolve("test_batch.bin")));
    }

    private List<String> cacheEntries() throws IOException {
        Path root = tmp.resolve("cache");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private DataException fails(Path location) {
        return assertThrows(DataException.class, () -> Cifar10Files.prepare(location, cache()));
    }

    @Test
    void djlLayoutIsValidatedAndUsedInPlace() throws IOException {
        Path dir = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
        assertEquals(dir, Cifar10Files.prepare(dir, cache()));
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void officialFolderItsParentTheArchiveAndItsDirectoryAllGiveDjlsLayout() throws IOException {
        Path folder =
                SyntheticData.writeOfficialFolder(tmp.resolve("official/cifar-10-batches-bin"));
        Path archive = SyntheticData.writeArchive(tmp.resolve("download/cifar-10-binary.tar.gz"));
        for (Path location : List.of(folder, folder.getParent(), archive, archive.getParent())) {
            Path dir = Cifar10Files.prepare(location, cache());
            assertDjlLayout(dir);
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(
                        List.of("data_batch.bin", "test_batch.bin"),
                        files.map(p -> p.getFileName().toString()).sorted().toList(),
                        "converted from " + location);
            }
        }
        // one entry for the folder, one for the archive, no temporary directories left
        List<String> entries = cacheEntries();
        assertEquals(2, entries.size(), entries.toString());
        assertTrue(entries.stream().allMatch(e -> e.startsWith("cifar10-")), entries.toString());
    }

    @Test
    void aChangedSourceGetsANewCacheEntry() throws IOException {
        Path folder = SyntheticData.writeOfficialFolder(tmp.resolve("cifar-10-batches-bin"));
        Path first = Cifar10Files.prepare(folder, cache());
        assertEquals(first, Cifar10Files.prepare(folder, cache()));
        Files.write(folder.resolve("test_batch.bin"), SyntheticData.cifarRecords(true, 0, 10));
        Path second = Cifar10Files.prepare(folder, cache());
        assertTrue(!first.equals(second));
        assertEquals(10 * 3073, Files.size(second.resolve("test_batch.bin")));
    }

    @Test
    void missingDirectory() {
        Path missing = tmp.resolve("nowhere");
        DataException e = fails(missing);
        assertTrue(
                e.getMessage()
                        .startsWith(missing + ": no such directory; expected CIFAR-10 binary data"),
                e.getMessage());
    }

    @Test
    void directoryWithoutCifarFiles() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DataException e = fails(empty);
        assertTrue(
                e.getMessage().startsWith(empty + ": no CIFAR-10 files found; expected"),
                e.getMessage());
        assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Path folder = SyntheticData.writeOfficialFolder(tmp.resolve("cifar-10-batches-bin"));
        Files.delete(folder.resolve("data_batch_4.bin"));
        Files.delete(folder.resolve("test_batch.bin"));
        assertEquals(
                folder
                        + ": missing data_batch_4.bin, test_batch.bin; expected data_batch_1.bin to data_batch_5.bin"
                        + " and test_batch.bin (the official cifar-10-batches-bin folder)",
                fails(folder).getMessage());

        Path djl = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
        Files.delete(djl.resolve("test_batch.bin"));
        assertEquals(
                djl
                        + ": missing test_batch.bin; expected data_batch.bin and test_batch.bin (DJL's layout)",
                fails(djl).getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void sizeThatIsNotAWholeNumberOfRecords() throws IOException {
        Path dir = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
        Path file = dir.resolve("data_batch.bin");
        Files.write(file, Arrays.copyOf(SyntheticData.cifarTrain(), 3073 * 2 + 100));
        assertEquals(
                file
                        + ": size 6246 bytes is not a whole number of 3073-byte CIFAR-10 records"
                        + " (1 label byte + 3072 pixel bytes)",
                fails(dir).getMessage());
        Files.write(file, new byte[0]);
        assertEquals(
                file + ": empty; expected 3073-byte CIFAR-10 records", fails(dir).getMessage());
    }

    @Test
    void labelOutsideZeroToNineNamesFileAndRecord() throws IOException {
        Path dir = SyntheticData.writeDjlLayout(tmp.resolve("djl"));
        Path file = dir.resolve("test_batch.bin");
        byte[] bytes = SyntheticData.cifarTest();
        bytes[17 * 3073] = 12;
        Files.write(file, bytes);
        assertEquals(
                file + ": record 17 (counting from 0) has label 12; expected a label from 0 to 9",
                fails(dir).getMessage());

        // in a converted layout, nothing is left in the cache
        Path folder = SyntheticData.writeOfficialFolder(tmp.resolve("cifar-10-batches-bin"));
        byte[] batch = SyntheticData.cifarRecords(false, 12, 24);
        batch[5 * 3073] = (byte) 255;
        Files.write(folder.resolve("data_batch_2.bin"), batch);
        assertEquals(
                folder.resolve("data_batch_2.bin")
                        + ": record 5 (counting from 0) has label 255;"
                        + " expected a label from 0 to 9",
                fails(folder).getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void labelOutsideZeroToNineInsideTheArchive() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tar"));
        Path archive = dir.resolve("cifar-10-binary.tar.gz");
        byte[] bad = SyntheticData.cifarTest();
        bad[3 * 3073] = 10;
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(archive))) {
            SyntheticData.writeTarEntry(out, "cifar-10-batches-bin/test_batch.bin", bad);
            out.write(new byte[1024]);
        }
        assertEquals(
                archive
                        + " entry cifar-10-batches-bin/test_batch.bin: record 3 (counting from 0) has label 10;"
                        + " expected a label from 0 to 9",
                fails(dir).getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void brokenGzip() throws IOException {
        Path archive = tmp.resolve("cifar-10-binary.tar.gz");
        Files.write(archive, "this is not gzip data".getBytes());
        assertEquals(
                archive + ": broken gzip data (Not in GZIP format); expected a complete gzip file",
                fails(archive).getMessage());

        byte[] good =
                Files.readAllBytes(
                        SyntheticData.writeArchive(tmp.resolve("good/cifar-10-binary.tar.gz")));
        Files.write(archive, Arrays.copyOf(good, good.length / 2));
        DataException e = fails(archive);
        assertTrue(e.getMessage().startsWith(archive + ": broken gzip data ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("; expected a complete gzip file"), e.getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void brokenTar() throws IOException {
        Path archive = tmp.resolve("cifar-10-binary.tar.gz");
        byte[] garbage = new byte[4096];
        new java.util.Random(3).nextBytes(garbage);
        Files.write(archive, SyntheticData.gzip(garbage));
        DataException e = fails(archive);
        assertTrue(e.getMessage().startsWith(archive + ": broken tar archive ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("; expected a complete tar archive"), e.getMessage());

        // a valid gzip holding a tar archive cut off inside an entry
        byte[] tar;
        try (var in =
                new java.util.zip.GZIPInputStream(
                        Files.newInputStream(
                                SyntheticData.writeArchive(
                                        tmp.resolve("good/cifar-10-binary.tar.gz"))))) {
            tar = in.readAllBytes();
        }
        Files.write(archive, SyntheticData.gzip(Arrays.copyOf(tar, 3 * 512 + 5000)));
        assertEquals(
                archive
                        + ": broken tar archive (Truncated TAR archive); expected a complete tar archive",
                fails(archive).getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void archiveWithoutSomeBatches() throws IOException {
        Path archive =
                SyntheticData.writeArchive(
                        tmp.resolve("cifar-10-binary.tar.gz"),
                        "data_batch_1.bin",
                        "data_batch_2.bin",
                        "data_batch_3.bin",
                        "test_batch.bin");
        assertEquals(
                archive
                        + ": missing data_batch_4.bin, data_batch_5.bin in the archive; expected"
                        + " cifar-10-batches-bin/ with data_batch_1.bin to data_batch_5.bin and test_batch.bin",
                fails(archive).getMessage());
        assertEquals(List.of(), cacheEntries());
    }

    @Test
    void aFileThatIsNotAnArchive() throws IOException {
        Path file = Files.writeString(tmp.resolve("data.csv"), "1,2,3");
        assertTrue(
                fails(file)
                        .getMessage()
                        .startsWith(file + ": not a directory or a .tar.gz archive; expected"));
    }
}
