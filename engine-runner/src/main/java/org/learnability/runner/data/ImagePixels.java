package org.learnability.runner.data;

import ai.djl.modality.cv.ImageFactory;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.learnability.runner.model.ImageShape;

/**
 * An image file's pixels as an image folder's data set takes them: decoded strictly (javax.imageio,
 * a decoder's warning counting as an error), converted to grey or RGB and resized as DJL's {@code
 * Image} converts and resizes.
 */
final class ImagePixels {

    private ImagePixels() {}

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

    /**
     * Reads an image file's width and height from its header, without decoding its pixels.
     *
     * @param file the file
     * @return its size; empty if no reader takes it ({@link #decode} then says why)
     */
    static Optional<Dimension> size(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Dimension(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
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
}
