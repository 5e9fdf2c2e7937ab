package org.learnability.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.experiments.testing.CliFixture;
import org.learnability.experiments.testing.CliRun;

/**
 * Models that would train on too little, or on images no model of the plan can take, refused before
 * anything trains or is written, in one {@code error:} line naming the option to change (issue 33,
 * items 4, 5 and 7): a head whose half of the validation split lacks a class, a head kept at zeros,
 * images resized below what the model takes, and images too large to train on without {@code
 * --image-size}.
 */
class TooLittleToTrainTest {

    @TempDir Path dir;

    private final CliFixture cli = CliFixture.in(() -> dir);
    private Path out;

    @BeforeEach
    void chooseOut() {
        out = dir.resolve("out");
    }

    private void assertRefused(CliFixture fixture, String message, String... options) {
        CliRun run = fixture.run(out, options);
        assertEquals("error: " + message + "\n", run.err());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on standard output");
        assertFalse(Files.exists(out), "nothing written: no plan.json, no runs.jsonl");
    }

    @Test
    void aHeadWithoutAHeldOutImageOfEveryClassIsRefused() {
        String expected =
                "--val-size 10 leaves the head mode 0 images of each class to train on (half of"
                        + " 1 validation image per class); expected at least 20 (2 per class for"
                        + " 10 classes), or --head-data train";
        assertRefused(cli, expected, "--mode", "head", "--val-size", "10");
        assertRefused(
                cli, expected, "--mode", "head", "--val-size", "10", "--head-data", "holdout");
    }

    @Test
    void aHeadOfZerosThatNeverTrainsIsRefused() {
        assertRefused(
                cli,
                "--head-init zero with --head-epochs 0 keeps a layer of zeros, which scores every"
                        + " class alike; give --head-epochs 1 or more, or --head-init baseline",
                "--mode",
                "head",
                "--head-init",
                "zero",
                "--head-epochs",
                "0");
    }

    @Test
    void imagesResizedBelowWhatTheModelTakesAreRefusedBeforeThePlanIsWritten() throws IOException {
        Path images = folder(8);
        assertRefused(
                onFolder(images),
                "--image-size 1: model 'cnn-small' needs images of at least 4x4 pixels (two 2x2"
                        + " max-pools), not 1x1x1",
                "--image-size",
                "1");
    }

    @Test
    void imagesTooLargeToTrainOnAreRefusedWithoutImageSize() throws IOException {
        Path images = folder(2000);
        assertRefused(
                onFolder(images),
                images.resolve("left").resolve("0.png")
                        + " is 2000x2000 pixels, larger than the 512x512 that image-folder keeps"
                        + " without --image-size (a training batch of such images may not fit in"
                        + " memory); give --image-size N to resize every image to NxN, e.g."
                        + " --image-size 64");
    }

    @Test
    void aPresetsSplitSizeThatDoesNotFitTheClassesIsRefusedNamingTheOption() throws IOException {
        CliFixture threeClasses =
                cli.on(folder(8, "a", "b", "c"))
                        .with(
                                "--dataset",
                                "image-folder",
                                "--test-size",
                                "6",
                                "--model",
                                "cnn-small",
                                "--val-size",
                                null);
        assertRefused(
                threeClasses,
                "--val-size 2000 is not a multiple of the data's 3 classes; give --val-size N with N"
                        + " a multiple of 3 (an equal count of each class held out for validation)");
        assertRefused(
                threeClasses,
                "--train-size 7 is not a multiple of the data's 3 classes; give --train-size N with"
                        + " N a multiple of 3 (an equal count of each class trained on)",
                "--val-size",
                "3",
                "--train-size",
                "7");
    }

    /** Runs on an image folder of two classes, 6 images each, 2 of them held out as the test. */
    private CliFixture onFolder(Path images) {
        return cli.on(images)
                .with(
                        "--dataset",
                        "image-folder",
                        "--test-size",
                        "4",
                        "--val-size",
                        "4",
                        "--train-size",
                        "0");
    }

    /** Two classes of grey PNGs of a side, plain dark or plain bright. */
    private Path folder(int side) throws IOException {
        return folder(side, "left", "right");
    }

    /** Classes of 6 grey PNGs of a side each, the first class dark, the others bright. */
    private Path folder(int side, String... classes) throws IOException {
        Path folder = dir.resolve("images-" + side + "-" + classes.length);
        for (String name : classes) {
            Path classFolder = Files.createDirectories(folder.resolve(name));
            for (int i = 0; i < 6; i++) {
                BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
                int value = name.equals(classes[0]) ? 40 + i : 180 + i;
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        image.getRaster().setSample(x, y, 0, value);
                    }
                }
                ImageIO.write(image, "png", classFolder.resolve(i + ".png").toFile());
            }
        }
        return folder;
    }
}
