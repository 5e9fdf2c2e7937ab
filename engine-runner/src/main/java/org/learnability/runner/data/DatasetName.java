package org.learnability.runner.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The data sets Learnability knows, each read through DJL's built-in class of the same name. */
public enum DatasetName {

    /** CIFAR-10 (Krizhevsky, 2009): 32x32 RGB, 50,000 training and 10,000 test images. */
    CIFAR10(
            "cifar10",
            3,
            32,
            32,
            List.of(
                    "airplane",
                    "automobile",
                    "bird",
                    "cat",
                    "deer",
                    "dog",
                    "frog",
                    "horse",
                    "ship",
                    "truck")),

    /** Fashion-MNIST (Xiao et al., 2017): 28x28 grey, 60,000 training and 10,000 test images. */
    FASHION_MNIST(
            "fashion-mnist",
            1,
            28,
            28,
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot"));

    private final String id;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;

    DatasetName(String id, int channels, int height, int width, List<String> classNames) {
        this.id = id;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = classNames;
    }

    /**
     * Parses a name as given on a command line, ignoring case.
     *
     * @param text the name, e.g. {@code cifar10} or {@code fashion-mnist}
     * @return the data set
     * @throws DataException naming the value and the valid names if it is unknown
     */
    public static DatasetName parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (DatasetName name : values()) {
            if (name.id.equals(wanted)) {
                return name;
            }
        }
        throw new DataException(
                "unknown data set '"
                        + text
                        + "'; valid names: "
                        + Arrays.stream(values())
                                .map(DatasetName::id)
                                .collect(Collectors.joining(", ")));
    }

    /** Returns the name used on command lines and in reports, e.g. {@code cifar10}. */
    public String id() {
        return id;
    }

    /** Returns the number of colour channels C of an image. */
    public int channels() {
        return channels;
    }

    /** Returns the image height H in pixels. */
    public int height() {
        return height;
    }

    /** Returns the image width W in pixels. */
    public int width() {
        return width;
    }

    /** Returns the class names, index = label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Returns the number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    @Override
    public String toString() {
        return id;
    }
}
