package org.learnability.runner.data;

import ai.djl.modality.cv.ImageFactory;
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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
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
 * image's size. The entry holds the raw pixels ({@code H x W x C} bytes per image) and the labels,
 * which {@link #read} turns into DJL arrays.
 */
final class ImageFolderFiles {

    /** What {@code --data-dir} of {@code image-folder} must be, for messages. */
    static final String EXPECTED =
            "a folder with one sub-folder of PNG or JPEG images per class (or train/ and test/"
                    + " folders of such sub-folders)";

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg");
    private static final String FORMAT_VERSION = "1";
    private static final String LAYOUT = "layout.properties";

    private ImageFolderFiles() {}

    /**
     * The images of a folder, listed and checked, not yet read.
     *
     * @param root the folder given
     * @param classes the class names, sorted
     * @param train each class's training images, sorted by name
     * @param testFolder the {@code test/} or {@code val/} folder, if there is one
     * @param test each class's test images, empty without a test folder
     */
    record Listing(
            Path root,
            List<String> classes,
            List<List<Path>> train,
            Optional<Path> testFolder,
            List<List<Path>> test) {

        List<Path> files() {
            List<Path> all = new ArrayList<>();
            train.forEach(all::addAll);
            test.forEach(all::addAll);
            return all;
        }
    }

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
     * Lists a folder's classes and images, checking its layout; reads no image.
     *
     * @param dir the folder given with {@code --data-dir}
     * @return the listing
     * @throws DataException naming the folder or file at fault
     */
    static Listing list(Path dir) {
        InputFiles.requireDirectory(dir, EXPECTED);
        List<Path> folders = folders(dir);
        List<String> names = folders.stream().map(f -> f.getFileName().toString()).toList();
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
            throw new DataException(trainRoot + " holds no class folder; expected " + EXPECTED);
        }
        List<String> classes = classFolders.stream().map(f -> f.getFileName().toString()).toList();
        if (classes.size() == 1) {
            throw new DataException(
                    trainRoot
                            + " holds one class folder ('"
                            + classes.get(0)
                            + "'); expected at least 2 classes, one sub-folder each");
        }
        List<List<Path>> train = classFolders.stream().map(ImageFolderFiles::images).toList();
        List<List<Path>> test = List.of();
        if (testFolder.isPresent()) {
            Path folder = testFolder.get();
            List<String> testClasses =
                    folders(folder).stream().map(f -> f.getFileName().toString()).toList();
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
        return new Listing(dir, classes, train, testFolder, test);
    }

    /** The non-hidden sub-folders of a folder, sorted by name. */
    private static List<Path> folders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !hidden(p)).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list it (" + InputFiles.describe(e) + ")", e);
        }
    }

    /** The images of a class folder, sorted by name; refuses anything else but hidden files. */
    private static List<Path> images(Path classFolder) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(classFolder)) {
            entries = list.filter(p -> !hidden(p)).sorted().toList();
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
        Listing listing = list(dir);
        String prefix = "image-folder-" + FORMAT_VERSION + "-" + imageSize;
        Path entry =
                cache.entry(prefix, listing.files(), target -> write(listing, imageSize, target));
        return read(entry);
    }

    /** Decodes every image and writes the entry. */
    private static void write(Listing listing, int imageSize, Path target) throws IOException {
        Path first = listing.train().get(0).get(0);
        BufferedImage firstImage = decode(first);
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
                    BufferedImage image = decode(file);
                    if (!resize) {
                        sizing.check(file, image);
                    }
                    images.write(pixels(image, shape));
                    labels.writeInt(c);
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The pixels of an image as the data set takes them, {@code H x W x C} bytes: converted to grey
     * or RGB as DJL's {@code Image.toNDArray} converts ({@code TYPE_BYTE_GRAY} rasters as they are,
     * any other image through its sRGB values), then resized by DJL's {@code Image.resize} where
     * its size is not the data set's.
     */
    static byte[] pixels(BufferedImage decoded, ImageShape shape) {
        boolean grey = shape.channels() == 1;
        BufferedImage base = asBase(decoded, grey);
        if (base.getWidth() != shape.width() || base.getHeight() != shape.height()) {
            base =
                    (BufferedImage)
                            ImageFactory.getInstance()
                                    .fromImage(base)
                                    .resize(shape.width(), shape.height(), true)
                                    .getWrappedImage();
        }
        int w = shape.width();
        int h = shape.height();
        byte[] out = new byte[w * h * shape.channels()];
        if (grey) {
            int[] values = base.getRaster().getPixels(0, 0, w, h, (int[]) null);
            for (int i = 0; i < values.length; i++) {
                out[i] = (byte) values[i];
            }
        } else {
            int[] rgb = base.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < rgb.length; i++) {
                out[3 * i] = (byte) (rgb[i] >> 16);
                out[3 * i + 1] = (byte) (rgb[i] >> 8);
                out[3 * i + 2] = (byte) rgb[i];
            }
        }
        return out;
    }

    /** The image as an 8-bit grey or an RGB image, DJL's conversion of any other type. */
    private static BufferedImage asBase(BufferedImage image, boolean grey) {
        int type = grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage base = new BufferedImage(w, h, type);
        if (grey) {
            int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
            int[] values = new int[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                int r = (rgb[i] >> 16) & 0xFF;
                int g = (rgb[i] >> 8) & 0xFF;
                int b = rgb[i] & 0xFF;
                values[i] = Math.round(0.299f * r + 0.587f * g + 0.114f * b);
            }
            base.getRaster().setPixels(0, 0, w, h, values);
        } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int[] values = image.getRaster().getPixels(0, 0, w, h, (int[]) null);
            int[] rgb = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                rgb[i] = (values[i] << 16) | (values[i] << 8) | values[i];
            }
            base.setRGB(0, 0, w, h, rgb, 0, w);
        } else {
            base.setRGB(0, 0, w, h, image.getRGB(0, 0, w, h, null, 0, w), 0, w);
        }
        return base;
    }

    /**
     * Decodes a PNG or JPEG file; a file no reader takes, another format, a read error, or a
     * decoder's warning (a JPEG's premature end) is one {@link DataException} naming the file.
     */
    static BufferedImage decode(Path file) {
        String expected = "; expected a complete PNG or JPEG image";
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new DataException(file + ": not an image that Java can read" + expected);
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new DataException(file + ": a " + format + " image" + expected);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new DataException(
                            file
                                    + ": broken or truncated "
                                    + format
                                    + " ("
                                    + warnings.get(0)
                                    + ")"
                                    + expected);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) {
                throw d;
            }
            throw new DataException(file + ": cannot decode it (" + cause(e) + ")" + expected, e);
        }
    }

    private static String cause(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 200; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        return text.toString().lines().findFirst().orElse("");
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
