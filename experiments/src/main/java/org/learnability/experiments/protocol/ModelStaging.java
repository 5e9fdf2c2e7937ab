package org.learnability.experiments.protocol;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The staging directories of model saves, {@code models/.<name>-<digits>}: a model is written into
 * one and then moved to {@code models/<name>} in one step ({@link ModelStore}). A run killed while
 * saving leaves its staging directory behind; the next run that takes the experiment's lock removes
 * every one, as no other process can be saving into the experiment then.
 */
final class ModelStaging {

    /** What {@link Files#createTempDirectory} makes of the prefix {@code .<name>-}. */
    private static final Pattern NAME = Pattern.compile("\\..+-\\d+");

    private ModelStaging() {}

    /**
     * Makes a staging directory for a model's directory.
     *
     * @param target the model's directory, {@code models/<name>}
     * @return a new empty directory beside it
     * @throws IOException when it cannot be made
     */
    static Path create(Path target) throws IOException {
        Path models = Files.createDirectories(target.getParent());
        return Files.createTempDirectory(models, "." + target.getFileName() + "-");
    }

    /**
     * Removes the staging directories that runs stopped while saving left in an experiment; the
     * caller holds the experiment's lock.
     *
     * @param experiment the experiment directory
     * @throws IOException when one cannot be removed
     */
    static void removeLeftOver(Path experiment) throws IOException {
        Path models = experiment.resolve(ModelStore.DIR);
        if (!Files.isDirectory(models)) {
            return;
        }
        List<Path> left;
        try (Stream<Path> entries = Files.list(models)) {
            left =
                    entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                            .filter(Files::isDirectory)
                            .toList();
        }
        for (Path dir : left) {
            delete(dir);
        }
    }

    /**
     * Deletes a directory and everything in it, if it is there.
     *
     * @param dir the directory
     * @throws IOException when something in it cannot be deleted
     */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e)
                            throws IOException {
                        Files.delete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
