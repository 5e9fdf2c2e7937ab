package org.learnability.runner.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The images of a user's folder, listed and checked, not yet read: the layout {@link
 * ImageFolderFiles} describes, classes sorted by folder name and each class's images by file name.
 *
 * @param root the folder given
 * @param classes the class names, sorted
 * @param train each class's training images, sorted by name
 * @param testFolder the {@code test/} or {@code val/} folder, if there is one
 * @param test each class's test images, empty without a test folder
 */
record ImageFolderListing(
        Path root,
        List<String> classes,
        List<List<Path>> train,
        Optional<Path> testFolder,
        List<List<Path>> test) {

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg");

    /** Every image file, training ones first. */
    List<Path> files() {
        List<Path> all = new ArrayList<>();
        train.forEach(all::addAll);
        test.forEach(all::addAll);
        return all;
    }

    /**
     * Returns the fingerprint of the listing: a part per class folder, {@code class folder NAME}
     * (or {@code train/NAME} and {@code test/NAME} beside a test folder).
     */
    DataFingerprint fingerprint() {
        List<DataFingerprint.Part> parts = new ArrayList<>();
        String prefix = testFolder.isPresent() ? "train/" : "class folder ";
        for (int c = 0; c < classes.size(); c++) {
            parts.add(DataFingerprint.part(prefix + classes.get(c), root, train.get(c), null));
        }
        String testName = testFolder.map(f -> f.getFileName() + "/").orElse("");
        for (int c = 0; c < test.size(); c++) {
            parts.add(DataFingerprint.part(testName + classes.get(c), root, test.get(c), null));
        }
        return new DataFingerprint(parts);
    }

    /**
     * Lists a folder's classes and images, checking its layout; reads no image.
     *
     * @param dir the folder given with {@code --data-dir}
     * @return the listing
     * @throws DataException naming the folder or file at fault
     */
    static ImageFolderListing of(Path dir) {
        InputFiles.requireDirectory(dir, ImageFolderFiles.EXPECTED);
        List<String> names = names(folders(dir));
        Path trainRoot = dir;
        Optional<Path> testFolder = Optional.empty();
        if (names.contains("train")
                && Set.of("train", "test", "val").containsAll(names)
                && names.size() > 1) {
            if (names.contains("test") && names.contains("val")) {
                throw new DataException(
                        dir
                                + " holds train/, test/ and val/; expected train/ and one of test/"
                                + " or val/ as the test split (the validation split is held out"
                                + " of train/)");
            }
            trainRoot = dir.resolve("train");
            testFolder = Optional.of(dir.resolve(names.contains("test") ? "test" : "val"));
        } else if (names.equals(List.of("train"))) {
            trainRoot = dir.resolve("train");
        }
        List<Path> classFolders = folders(trainRoot);
        if (classFolders.isEmpty()) {
            throw new DataException(
                    trainRoot + " holds no class folder; expected " + ImageFolderFiles.EXPECTED);
        }
        List<String> classes = names(classFolders);
        if (classes.size() == 1) {
            throw new DataException(
                    trainRoot
                            + " holds one class folder ('"
                            + classes.get(0)
                            + "'); expected at least 2 classes, one sub-folder each");
        }
        List<List<Path>> train = classFolders.stream().map(ImageFolderListing::images).toList();
        List<List<Path>> test = List.of();
        if (testFolder.isPresent()) {
            Path folder = testFolder.get();
            List<String> testClasses = names(folders(folder));
            if (!testClasses.equals(classes)) {
                throw new DataException(
                        folder
                                + " holds the class folders "
                                + testClasses
                                + "; expected those of "
                                + trainRoot
                                + ": "
                                + classes);
            }
            test = classes.stream().map(c -> images(folder.resolve(c))).toList();
        }
        return new ImageFolderListing(dir, classes, train, testFolder, test);
    }

    private static List<String> names(List<Path> folders) {
        return folders.stream().map(f -> f.getFileName().toString()).toList();
    }

    /** Refuses a name the JVM could not decode: it could not open the file by it. */
    private static Path decodable(Path entry) {
        if (NativeNames.undecodable(entry.getFileName().toString())) {
            throw new DataException(entry + ": a name with " + NativeNames.cause());
        }
        return entry;
    }

    /** The non-hidden sub-folders of a folder, sorted by name. */
    private static List<Path> folders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !hidden(p))
                    .filter(Files::isDirectory)
                    .map(ImageFolderListing::decodable)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list it (" + InputFiles.describe(e) + ")", e);
        }
    }

    /** The images of a class folder, sorted by name; refuses anything else but hidden files. */
    private static List<Path> images(Path classFolder) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(classFolder)) {
            entries =
                    list.filter(p -> !hidden(p))
                            .map(ImageFolderListing::decodable)
                            .sorted()
                            .toList();
        } catch (IOException e) {
            throw new DataException(
                    classFolder + ": cannot list it (" + InputFiles.describe(e) + ")", e);
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                throw new DataException(
                        entry
                                + " is a folder; expected only PNG or JPEG files in a class folder"
                                + " (one level of class folders)");
            }
            if (!EXTENSIONS.contains(extension(entry))) {
                throw new DataException(
                        entry
                                + " is not a PNG or JPEG image by its name; expected only .png,"
                                + " .jpg or .jpeg files in a class folder (hidden files are"
                                + " ignored)");
            }
        }
        if (entries.isEmpty()) {
            throw new DataException(
                    classFolder
                            + " holds no image; expected at least one PNG or JPEG image in every"
                            + " class folder");
        }
        return entries;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
