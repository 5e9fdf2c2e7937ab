package org.learnability.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version every command prints for {@code --version}: the project's version, as Maven wrote it
 * into {@code learnability-version.properties} when it built the module.
 */
public final class VersionProvider implements IVersionProvider {

    /** The resource Maven fills in. */
    static final String RESOURCE = "/learnability-version.properties";

    /** Creates the provider; picocli does. */
    public VersionProvider() {}

    @Override
    public String[] getVersion() {
        return new String[] {"learnability " + version()};
    }

    /** Returns the project's version. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "(unknown version: " + RESOURCE + " is missing)";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "(unknown version)");
    }
}
