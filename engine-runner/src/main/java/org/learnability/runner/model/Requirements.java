package org.learnability.runner.model;

/** The checks every architecture makes on its arguments, with the messages they give. */
final class Requirements {

    private Requirements() {}

    /**
     * Checks the number of classes.
     *
     * @param model the model name, for the message
     * @param numClasses the number of classes
     */
    static void classes(String model, int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException(
                    "model '" + model + "' needs at least 2 classes, not " + numClasses);
        }
    }

    /**
     * Checks that the image is at least {@code minSize} pixels high and wide.
     *
     * @param model the model name, for the message
     * @param input the image shape
     * @param minSize the least height and width
     * @param why what the size is needed for, for the message
     */
    static void minSize(String model, ImageShape input, int minSize, String why) {
        if (input.height() < minSize || input.width() < minSize) {
            throw new IllegalArgumentException(
                    "model '"
                            + model
                            + "' needs images of at least "
                            + minSize
                            + "x"
                            + minSize
                            + " pixels ("
                            + why
                            + "), not "
                            + input);
        }
    }
}
