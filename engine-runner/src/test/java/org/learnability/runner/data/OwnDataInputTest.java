package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.runner.model.ImageShape;
import org.learnability.runner.model.InputKind;

/**
 * Image folders and CSV tables written in their real formats: what the checks find (classes, shape,
 * test split) and every bad input, refused before anything is loaded in one line naming the file
 * (and row and column) and what is right. No engine.
 */
class OwnDataInputTest {

    @TempDir Path dir;

    private DataCache cache() {
        return new DataCache(dir.resolve("cache"));
    }

    private DatasetDefinition folder(Path root, int imageSize, int testSize) {
        return new ImageFolderDataset()
                .at(DataSource.local(root), new DataOptions(imageSize, testSize, ""), cache());
    }

    private DatasetDefinition csv(Path file, String label, int testSize) {
        return new CsvTableDataset()
                .at(DataSource.local(file), new DataOptions(0, testSize, label), cache());
    }

    private String folderError(Path root, int imageSize, int testSize) {
        return assertThrows(DataException.class, () -> folder(root, imageSize, testSize))
                .getMessage();
    }

    private String csvError(Path file, String label, int testSize) {
        return assertThrows(DataException.class, () -> csv(file, label, testSize)).getMessage();
    }

    @Test
    void classFoldersSortedAreTheClassesAndTheFirstImageGivesTheShape() {
        Path root = OwnData.greyFolder(dir.resolve("pets"), List.of("dog", "cat", "bird"), 2);
        OwnData.text(root.resolve("README.txt"), "files beside the class folders are not data");
        OwnData.text(root.resolve("cat/.DS_Store"), "hidden files are ignored");
        DatasetDefinition data = folder(root, 0, 3);
        assertEquals(List.of("bird", "cat", "dog"), data.classNames());
        assertEquals(new ImageShape(1, 5, 6), data.imageShape());
        assertEquals(InputKind.IMAGES, data.input());
        assertEquals(new TestSource(TestSource.CUT, root.toString(), 3), data.testSource());
        assertEquals(new ImageShape(1, 4, 4), folder(root, 4, 3).imageShape());
    }

    @Test
    void aTestFolderBesideTrainIsTheTestSplitAndAnRgbFirstImageMakesRgb() {
        Path root = dir.resolve("split");
        for (String set : List.of("train", "val")) {
            OwnData.rgb(root.resolve(set + "/a/1.png"), "png", 0x102030, 8);
            OwnData.rgb(root.resolve(set + "/b/1.jpg"), "jpeg", 0x405060, 8);
        }
        DatasetDefinition data = folder(root, 0, 0);
        assertEquals(List.of("a", "b"), data.classNames());
        assertEquals(new ImageShape(3, 8, 8), data.imageShape());
        assertEquals(
                new TestSource(TestSource.FOLDER, root.resolve("val").toString(), 0),
                data.testSource());
        assertEquals(
                "--test-size 4 holds test images out of the data, but "
                        + root.resolve("val")
                        + " is its test split; leave --test-size out, or the test folder",
                folderError(root, 0, 4));
    }

    @Test
    void badImageFoldersAreRefusedInOneLine() throws IOException {
        Path root = OwnData.greyFolder(dir.resolve("f"), List.of("a", "b"), 2);
        assertEquals(
                root
                        + " has no test/ (or val/) folder beside train/; give --test-size N to hold"
                        + " N images out of it as the test split (an equal count per class)",
                folderError(root, 0, 0));

        Path missing = dir.resolve("nowhere");
        assertEquals(
                missing + ": no such directory; expected " + ImageFolderFiles.EXPECTED,
                folderError(missing, 0, 2));

        Path empty = Files.createDirectories(root.resolve("c"));
        assertEquals(
                empty
                        + " holds no image; expected at least one PNG or JPEG image in every class"
                        + " folder",
                folderError(root, 0, 2));
        Files.delete(empty);

        Path one = OwnData.greyFolder(dir.resolve("one"), List.of("only"), 3);
        assertEquals(
                one
                        + " holds one class folder ('only'); expected at least 2 classes, one"
                        + " sub-folder each",
                folderError(one, 0, 2));

        Path notes = OwnData.text(root.resolve("a/notes.txt"), "not an image");
        assertEquals(
                notes
                        + " is not a PNG or JPEG image by its name; expected only .png, .jpg or"
                        + " .jpeg files in a class folder (hidden files are ignored)",
                folderError(root, 0, 2));
        Files.delete(notes);

        Path fake = OwnData.text(root.resolve("a/fake.png"), "a text file named .png");
        assertEquals(
                fake + ": not an image that Java can read; expected a complete PNG or JPEG image",
                folderError(root, 0, 2));
        Files.delete(fake);

        Path png = OwnData.greyPng(root.resolve("b/cut.png"), 1, 9, 6, 5);
        OwnData.truncate(png, (int) Files.size(png) / 2);
        String truncatedPng = folderError(root, 0, 2);
        assertTrue(
                truncatedPng.startsWith(png + ": cannot decode it (")
                        && truncatedPng.endsWith("); expected a complete PNG or JPEG image"),
                truncatedPng);
        Files.delete(png);

        Path jpeg = OwnData.rgb(dir.resolve("rgb/a/1.jpg"), "jpeg", 0x808080, 32);
        OwnData.rgb(dir.resolve("rgb/b/1.jpg"), "jpeg", 0x202020, 32);
        OwnData.truncate(jpeg, (int) Files.size(jpeg) - 4);
        assertEquals(
                jpeg
                        + ": broken or truncated jpeg (Truncated File - Missing EOI marker); expected a"
                        + " complete PNG or JPEG image",
                folderError(dir.resolve("rgb"), 0, 2));

        Path wide = OwnData.greyPng(root.resolve("b/wide.png"), 1, 9, 7, 5);
        assertEquals(
                wide
                        + " is 7x5 pixels, but "
                        + root.resolve("a/0.png")
                        + " is 6x5; give --image-size N to resize every image to NxN, or make"
                        + " them one size",
                folderError(root, 0, 2));
        assertEquals(new ImageShape(1, 5, 5), folder(root, 5, 2).imageShape(), "resized");
    }

    @Test
    void aTestFolderMustHoldTheTrainingClasses() {
        Path root = dir.resolve("split");
        OwnData.greyFolder(root.resolve("train"), List.of("a", "b"), 1);
        OwnData.greyFolder(root.resolve("test"), List.of("a", "c"), 1);
        assertEquals(
                root.resolve("test")
                        + " holds the class folders [a, c]; expected those of "
                        + root.resolve("train")
                        + ": [a, b]",
                folderError(root, 0, 0));
        OwnData.greyFolder(root.resolve("val"), List.of("a", "b"), 1);
        assertEquals(
                root
                        + " holds train/, test/ and val/; expected train/ and one of test/ or val/"
                        + " as the test split (the validation split is held out of train/)",
                folderError(root, 0, 0));
    }

    @Test
    void aTablesClassesAreItsLabelValuesSortedAsNumbersWhenTheyAreNumbers() {
        Path file = OwnData.table(dir.resolve("t.csv"), List.of("10", "9", "1"), 12);
        DatasetDefinition data = csv(file, "label", 3);
        assertEquals(List.of("1", "9", "10"), data.classNames());
        assertEquals(new ImageShape(2, 1, 1), data.imageShape(), "features a and b");
        assertEquals(InputKind.TABLE, data.input());
        assertEquals(new TestSource(TestSource.CUT, file.toString(), 3), data.testSource());
        Path words = OwnData.table(dir.resolve("w.csv"), List.of("pear", "apple"), 4);
        assertEquals(List.of("apple", "pear"), csv(words, "label", 2).classNames());
    }

    @Test
    void badTablesAreRefusedInOneLineNamingRowAndColumn() {
        Path good = OwnData.table(dir.resolve("t.csv"), List.of("x", "y"), 6);
        assertEquals(
                good + " has no column 'digit' (--label); its columns: a, label, b",
                csvError(good, "digit", 2));
        assertEquals(
                "--dataset csv needs --label COLUMN: the column of the table that holds the"
                        + " classes",
                csvError(good, "", 2));
        assertEquals(
                "--dataset csv needs --test-size N: the rows held out as the test split (a table"
                        + " has no test set of its own), an equal count per class",
                csvError(good, "label", 0));

        Path word = OwnData.text(dir.resolve("word.csv"), "a,label,b\n1,x,2\n3,y,abc\n");
        assertEquals(
                word
                        + ", line 3, column 'b': 'abc' is not a number; expected a number (every"
                        + " column but the label is a numeric feature)",
                csvError(word, "label", 2));
        Path blank = OwnData.text(dir.resolve("blank.csv"), "a,label,b\n1,x,2\n,y,4\n");
        assertEquals(
                blank
                        + ", line 3, column 'a': '' is empty; expected a number (every column but"
                        + " the label is a numeric feature)",
                csvError(blank, "label", 2));

        Path empty = OwnData.text(dir.resolve("empty.csv"), "");
        assertEquals(
                empty
                        + " is empty; expected a CSV file with a header row naming the columns and"
                        + " one row per sample",
                csvError(empty, "label", 2));
        Path header = OwnData.text(dir.resolve("header.csv"), "a,label,b\n");
        assertEquals(
                header + " has a header but no rows; expected one row per sample",
                csvError(header, "label", 2));
        Path one = OwnData.table(dir.resolve("one.csv"), List.of("x"), 4);
        assertEquals(
                one + ": the label 'label' has one value ('x'); expected at least 2 classes",
                csvError(one, "label", 2));
        Path ragged = OwnData.text(dir.resolve("ragged.csv"), "a,label,b\n1,x,2\n3,y\n");
        assertEquals(
                ragged + ", line 3: 2 values; expected 3, one per column of the header",
                csvError(ragged, "label", 2));
        Path twice = OwnData.text(dir.resolve("twice.csv"), "a,label,a\n1,x,2\n3,y,4\n");
        assertEquals(
                twice
                        + ": the header names the column 'a' twice; expected every column name"
                        + " once",
                csvError(twice, "label", 2));
        Path marked = OwnData.text(dir.resolve("marked.csv"), "\uFEFFlabel,a\nx,1\nx,2\n");
        assertEquals(
                marked + ": the label 'label' has one value ('x'); expected at least 2 classes",
                csvError(marked, "label", 2),
                "the label column is found behind a byte-order mark");
        Path missing = dir.resolve("none.csv");
        assertEquals(
                missing
                        + ": no such file; expected a CSV file with a header row naming the columns"
                        + " and one row per sample",
                csvError(missing, "label", 2));
    }

    @Test
    void optionsADataSetDoesNotTakeAreRefusedNamingTheOption() {
        assertEquals(
                "--test-size 500 is for image-folder and csv data; fashion-mnist takes none (its"
                        + " images and its test set are its own)",
                assertThrows(
                                DataException.class,
                                () ->
                                        new FashionMnistDataset()
                                                .checkOptions(new DataOptions(0, 500, "")))
                        .getMessage());
        assertEquals(
                "--label y is for csv tables; image-folder takes its classes from its folders'"
                        + " names",
                assertThrows(
                                DataException.class,
                                () ->
                                        new ImageFolderDataset()
                                                .checkOptions(new DataOptions(0, 0, "y")))
                        .getMessage());
        assertEquals(
                "--image-size 32 is for image folders; csv reads a table",
                assertThrows(
                                DataException.class,
                                () ->
                                        new CsvTableDataset()
                                                .checkOptions(new DataOptions(32, 10, "y")))
                        .getMessage());
    }
}
