package org.learnability.runner.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a user's own data in the real formats, for tests: PNG and JPEG files through {@code
 * javax.imageio}, CSV text. A grey image of class c and index i has the pixel value {@link #grey}.
 */
public final class OwnData {

    private OwnData() {}

    /**
     * The pixel value of a grey test image at a place.
     *
     * @param c its class
     * @param i its index in the class
     * @param y the row
     * @param x the column
     * @return 0 to 255
     */
    public static int grey(int c, int i, int y, int x) {
        return (40 * c + 7 * i + 3 * y + x) % 256;
    }

    /**
     * Writes an 8-bit grey PNG of {@link #grey} values.
     *
     * @param file the file, its folder made
     * @param c the class
     * @param i the index
     * @param width the width
     * @param height the height
     * @return the file
     */
    public static Path greyPng(Path file, int c, int i, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, grey(c, i, y, x));
            }
        }
        return write(image, "png", file);
    }

    /**
     * Writes an RGB image, every pixel (r, g, b).
     *
     * @param file the file, its folder made
     * @param format {@code png} or {@code jpeg}
     * @param rgb the colour, 0xRRGGBB
     * @param side the width and height
     * @return the file
     */
    public static Path rgb(Path file, String format, int rgb, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return write(image, format, file);
    }

    private static Path write(BufferedImage image, String format, Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!ImageIO.write(image, format, file.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes class folders of grey 6x5 PNGs, {@code perClass} images each, named {@code i.png}.
     *
     * @param root the folder
     * @param classes the class folder names
     * @param perClass images per class
     * @return the folder
     */
    public static Path greyFolder(Path root, List<String> classes, int perClass) {
        for (int c = 0; c < classes.size(); c++) {
            for (int i = 0; i < perClass; i++) {
                greyPng(root.resolve(classes.get(c)).resolve(i + ".png"), c, i, 6, 5);
            }
        }
        return root;
    }

    /**
     * Writes a file's text.
     *
     * @param file the file, its folder made
     * @param text the text
     * @return the file
     */
    public static Path text(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a CSV table: header {@code a,label,b}; row r of class {@code names[r % classes]} has
     * {@code a = r}, {@code b = 2 r + 1}.
     *
     * @param file the file
     * @param names the class names, as the label column holds them
     * @param rows the rows
     * @return the file
     */
    public static Path table(Path file, List<String> names, int rows) {
        StringBuilder csv = new StringBuilder("a,label,b\n");
        for (int r = 0; r < rows; r++) {
            csv.append(r)
                    .append(',')
                    .append(names.get(r % names.size()))
                    .append(',')
                    .append(2 * r + 1)
                    .append('\n');
        }
        return text(file, csv.toString());
    }

    /**
     * Cuts a file's last bytes off, as an interrupted copy leaves it.
     *
     * @param file the file
     * @param keep the bytes to keep
     * @return the file
     */
    public static Path truncate(Path file, int keep) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Files.write(file, java.util.Arrays.copyOf(bytes, keep));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
