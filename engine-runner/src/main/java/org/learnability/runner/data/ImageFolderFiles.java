package org.learnability.runner.data;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.learnability.runner.model.ImageShape;

/**
 * A user's folder of images, one sub-folder per class, as {@code torchvision}'s and DJL's {@code
 * ImageFolder} take it: checked and converted once into the {@link DataCache}.
 *
 * <pre>
 *   DIR/&lt;class&gt;/*.png|*.jpg|*.jpeg                     the classes; the test split is cut
 *   DIR/train/&lt;class&gt;/...  DIR/test/&lt;class&gt;/...       (or DIR/val/) the test split is test/'s
 * </pre>
 *
 * <p>Classes are the sub-folders' names, sorted (DJL's {@code ImageFolder} order); each class's
 * images in the order of their file names, so a seed chooses the same images on every machine.
 * Hidden files (names starting with {@code .}) are ignored; any other file that is not named {@code
 * .png}, {@code .jpg} or {@code .jpeg}, and any folder inside a class folder, is refused: it is
 * either a mistake or an image of another format, and leaving it out silently would change the
 * class. Every image is decoded (javax.imageio, a decoder's warning such as a JPEG's premature end
 * counting as an error), taken as grey when the first image is grey and as RGB otherwise (DJL's
 * {@code Image.Flag} conversion: grey {@code = round(0.299 R + 0.587 G + 0.114 B)}), and resized to
 * {@code --image-size} by DJL's {@code Image.resize}; without it every image must have the first
 * image's size, at most {@link #MAX_UNRESIZED} pixels a side. The entry holds the raw pixels
 * ({@code H x W x C} bytes per image) and the labels, which {@link #read} turns into DJL arrays.
 */
final class ImageFolderFiles {

    /** What {@code --data-dir} of {@code image-folder} must be, for messages. */
    static final String EXPECTED =
            "a folder with one sub-folder of PNG or JPEG images per class (or train/ and test/"
                    + " folders of such sub-folders)";

    /** The largest side of images kept at their size, without {@code --image-size}. */
    static final int MAX_UNRESIZED = 512;

    private static final String FORMAT_VERSION = "1";
    private static final String LAYOUT = "layout.properties";

    private ImageFolderFiles() {}

    /**
     * The converted data, as its cache entry describes it.
     *
     * @param entry the cache entry's directory
     * @param classes the class names
     * @param shape the shape of every image
     * @param trainImages the number of training images
     * @param testFolder the test folder the entry's test images come from, if any
     * @param testImages the number of test images (0 without a test folder)
     */
    record Converted(
            Path entry,
            List<String> classes,
            ImageShape shape,
            int trainImages,
            Optional<Path> testFolder,
            int testImages) {}

    /**
     * Checks and converts a folder into the cache, once for its files and the size asked for.
     *
     * @param dir the folder given with {@code --data-dir}
     * @param imageSize the side every image is resized to; 0 for the first image's size
     * @param cache the cache
     * @return the converted data
     * @throws DataException naming the folder or file at fault
     */
    static Converted convert(Path dir, int imageSize, DataCache cache) {
        ImageFolderListing listing = ImageFolderListing.of(dir);
        if (imageSize == 0) {
            checkUnresized(listing.train().get(0).get(0));
        }
        String prefix = "image-folder-" + FORMAT_VERSION + "-" + imageSize;
        Path entry =
                cache.entry(prefix, listing.files(), target -> write(listing, imageSize, target));
        return read(entry);
    }

    /**
     * Refuses images kept at their size above {@link #MAX_UNRESIZED} pixels a side, from the first
     * image's header: a training batch of them would not fit in memory ({@code B x F x H x W}
     * floats for a first layer of {@code F} filters).
     */
    private static void checkUnresized(Path first) {
        ImagePixels.size(first)
                .filter(d -> Math.max(d.width, d.height) > MAX_UNRESIZED)
                .ifPresent(
                        d -> {
                            throw new DataException(
                                    first
                                            + " is "
                                            + d.width
                                            + "x"
                                            + d.height
                                            + " pixels, larger than the "
                                            + MAX_UNRESIZED
                                            + "x"
                                            + MAX_UNRESIZED
                                            + " that "
                                            + ImageFolderDataset.NAME
                                            + " keeps without --image-size (a training batch of"
                                            + " such images may not fit in memory); give"
                                            + " --image-size N to resize every image to NxN,"
                                            + " e.g. --image-size 64");
                        });
    }

    /** Decodes every image and writes the entry. */
    private static void write(ImageFolderListing listing, int imageSize, Path target)
            throws IOException {
        Path first = listing.train().get(0).get(0);
        BufferedImage firstImage = ImagePixels.decode(first);
        boolean grey = firstImage.getColorModel().getNumColorComponents() == 1;
        int width = imageSize > 0 ? imageSize : firstImage.getWidth();
        int height = imageSize > 0 ? imageSize : firstImage.getHeight();
        Sizing sizing = new Sizing(first, firstImage.getWidth(), firstImage.getHeight());
        ImageShape shape = new ImageShape(grey ? 1 : 3, height, width);
        int trainCount = writeSet(listing.train(), target, "train", shape, imageSize > 0, sizing);
        int testCount = writeSet(listing.test(), target, "test", shape, imageSize > 0, sizing);
        Properties layout = new Properties();
        layout.setProperty("channels", String.valueOf(shape.channels()));
        layout.setProperty("height", String.valueOf(height));
        layout.setProperty("width", String.valueOf(width));
        layout.setProperty("classes", String.valueOf(listing.classes().size()));
        for (int c = 0; c < listing.classes().size(); c++) {
            layout.setProperty("class." + c, listing.classes().get(c));
        }
        layout.setProperty("train", String.valueOf(trainCount));
        layout.setProperty("test", String.valueOf(testCount));
        listing.testFolder().ifPresent(f -> layout.setProperty("testFolder", f.toString()));
        try (Writer out = Files.newBufferedWriter(target.resolve(LAYOUT), StandardCharsets.UTF_8)) {
            layout.store(out, "image-folder converted by Learnability");
        }
    }

    /** The first image's size, which every other must have when nothing is resized. */
    private record Sizing(Path file, int width, int height) {
        void check(Path other, BufferedImage image) {
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new DataException(
                        other
                                + " is "
                                + image.getWidth()
                                + "x"
                                + image.getHeight()
                                + " pixels, but "
                                + file
                                + " is "
                                + width
                                + "x"
                                + height
                                + "; give --image-size N to resize every image to NxN, or make"
                                + " them one size");
            }
        }
    }

    private static int writeSet(
            List<List<Path>> classes,
            Path target,
            String set,
            ImageShape shape,
            boolean resize,
            Sizing sizing)
            throws IOException {
        if (classes.isEmpty()) {
            return 0;
        }
        int count = 0;
        try (OutputStream images =
                        new BufferedOutputStream(
                                Files.newOutputStream(target.resolve(set + "-images.bin")),
                                1 << 16);
                DataOutputStream labels =
                        new DataOutputStream(
                                new BufferedOutputStream(
                                        Files.newOutputStream(
                                                target.resolve(set + "-labels.bin"))))) {
            for (int c = 0; c < classes.size(); c++) {
                for (Path file : classes.get(c)) {
                    BufferedImage image = ImagePixels.decode(file);
                    if (!resize) {
                        sizing.check(file, image);
                    }
                    images.write(ImagePixels.pixels(image, shape));
                    labels.writeInt(c);
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Reads what a cache entry holds.
     *
     * @param entry the entry's directory
     * @return the converted data
     */
    static Converted read(Path entry) {
        Properties layout = new Properties();
        try (Reader in = Files.newBufferedReader(entry.resolve(LAYOUT), StandardCharsets.UTF_8)) {
            layout.load(in);
        } catch (IOException e) {
            throw new DataException(
                    entry + ": cannot read the converted image folder (" + e + ")", e);
        }
        int classCount = Integer.parseInt(layout.getProperty("classes"));
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            classes.add(layout.getProperty("class." + c));
        }
        ImageShape shape =
                new ImageShape(
                        Integer.parseInt(layout.getProperty("channels")),
                        Integer.parseInt(layout.getProperty("height")),
                        Integer.parseInt(layout.getProperty("width")));
        return new Converted(
                entry,
                List.copyOf(classes),
                shape,
                Integer.parseInt(layout.getProperty("train")),
                Optional.ofNullable(layout.getProperty("testFolder")).map(Path::of),
                Integer.parseInt(layout.getProperty("test")));
    }
}
