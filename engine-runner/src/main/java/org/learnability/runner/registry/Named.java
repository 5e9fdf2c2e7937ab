package org.learnability.runner.registry;

/**
 * Something chosen by name on a command line or in a plan: a data set, a model architecture, an
 * experiment mode, a loss family. Registered in a Guice {@code MapBinder} under its name and looked
 * up through a {@link Registry}.
 */
public interface Named {

    /**
     * Returns the name by which it is chosen, e.g. {@code resnet-peifer}.
     *
     * @return the name, lower case
     */
    String name();

    /**
     * Returns a one-line description, for listings and help texts.
     *
     * @return the description
     */
    String description();
}
