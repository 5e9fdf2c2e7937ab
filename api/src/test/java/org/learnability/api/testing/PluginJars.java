package org.learnability.api.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.learnability.api.strategy.WeightStrategyProvider;

/**
 * Builds strategy plugin jars at test time, the way a third party would: Java sources compiled
 * against the api classes alone, packed into a jar with a {@code META-INF/services} entry.
 *
 * <p>Compilation happens in memory ({@link #compile}); {@link #jar} then packs any subset of the
 * compiled classes, so one compilation can serve many jars (including deliberately incomplete
 * ones).
 */
public final class PluginJars {

    /** The services file the registry reads. */
    public static final String SERVICES_ENTRY =
            "META-INF/services/" + WeightStrategyProvider.class.getName();

    private PluginJars() {}

    /**
     * Returns the directory or jar that holds the api classes: the class path a plugin compiles
     * against (in a Maven build, {@code api/target/classes}).
     */
    public static Path apiClassPath() {
        CodeSource source = WeightStrategyProvider.class.getProtectionDomain().getCodeSource();
        assertNotNull(source, "WeightStrategyProvider has no code source");
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(
                    "cannot locate the api classes: " + source.getLocation(), e);
        }
    }

    /**
     * Compiles Java sources against the api classes, in memory.
     *
     * @param sources fully qualified class name to its source text
     * @return binary class name (nested classes included, e.g. {@code a.B$1}) to class-file bytes
     */
    public static Map<String, byte[]> compile(Map<String, String> sources) {
        return compile(sources, apiClassPath().toString());
    }

    /**
     * Compiles Java sources against a class path, in memory: a plug-in of another kind (an
     * experiment mode) compiles against more than the api.
     *
     * @param sources fully qualified class name to its source text
     * @param classPath the class path, e.g. the test JVM's own
     * @return binary class name (nested classes included) to class-file bytes
     */
    public static Map<String, byte[]> compile(Map<String, String> sources, String classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: the tests must run on a JDK, not a JRE");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> output = new TreeMap<>();
        List<JavaFileObject> units =
                sources.entrySet().stream().map(e -> source(e.getKey(), e.getValue())).toList();
        List<String> options = List.of("--release", "17", "-proc:none", "-classpath", classPath);
        try (StandardJavaFileManager standard =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            JavaFileManager inMemory =
                    new ForwardingJavaFileManager<>(standard) {
                        @Override
                        public JavaFileObject getJavaFileForOutput(
                                Location location,
                                String className,
                                JavaFileObject.Kind kind,
                                FileObject sibling) {
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            output.put(className, bytes);
                            URI uri =
                                    URI.create(
                                            "mem:///"
                                                    + className.replace('.', '/')
                                                    + kind.extension);
                            return new SimpleJavaFileObject(uri, kind) {
                                @Override
                                public OutputStream openOutputStream() {
                                    return bytes;
                                }
                            };
                        }
                    };
            Boolean ok = javac.getTask(null, inMemory, diagnostics, options, null, units).call();
            if (!Boolean.TRUE.equals(ok)) {
                fail(
                        "plugin sources do not compile:\n"
                                + diagnostics.getDiagnostics().stream()
                                        .map(
                                                d ->
                                                        d.getSource().getName()
                                                                + ":"
                                                                + d.getLineNumber()
                                                                + ": "
                                                                + d.getMessage(Locale.ROOT))
                                        .collect(Collectors.joining("\n")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot close the compiler's file manager", e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static JavaFileObject source(String className, String text) {
        URI uri =
                URI.create(
                        "string:///"
                                + className.replace('.', '/')
                                + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /**
     * Packs classes into a plugin jar.
     *
     * @param jar the jar to write; its directory must exist
     * @param compiled classes from {@link #compile}
     * @param classNames the top-level classes to pack, each with its nested classes
     * @param services the lines of the services file; none writes no services file
     * @return {@code jar}
     */
    public static Path jar(
            Path jar,
            Map<String, byte[]> compiled,
            Collection<String> classNames,
            Collection<String> services) {
        return jar(jar, compiled, classNames, SERVICES_ENTRY, services);
    }

    /**
     * Packs classes into a plugin jar with a services file of any service type.
     *
     * @param jar the jar to write; its directory must exist
     * @param compiled classes from {@link #compile}
     * @param classNames the top-level classes to pack, each with its nested classes
     * @param servicesEntry the services file's path in the jar, {@code META-INF/services/<type>}
     * @param services the lines of the services file; none writes no services file
     * @return {@code jar}
     */
    public static Path jar(
            Path jar,
            Map<String, byte[]> compiled,
            Collection<String> classNames,
            String servicesEntry,
            Collection<String> services) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String top : classNames) {
                Map<String, byte[]> selected = new TreeMap<>();
                compiled.forEach(
                        (name, bytes) -> {
                            if (name.equals(top) || name.startsWith(top + "$")) {
                                selected.put(name, bytes);
                            }
                        });
                if (!selected.containsKey(top)) {
                    fail("no compiled class " + top + " among " + compiled.keySet());
                }
                for (Map.Entry<String, byte[]> e : selected.entrySet()) {
                    out.putNextEntry(new JarEntry(e.getKey().replace('.', '/') + ".class"));
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
            if (!services.isEmpty()) {
                out.putNextEntry(new JarEntry(servicesEntry));
                out.write((String.join("\n", services) + "\n").getBytes(UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + jar, e);
        }
        return jar;
    }

    /**
     * Compiles sources and packs all of them into a plugin jar whose services file lists {@code
     * services}.
     *
     * @param jar the jar to write
     * @param sources fully qualified class name to its source text
     * @param services the provider classes to register
     * @return {@code jar}
     */
    public static Path plugin(Path jar, Map<String, String> sources, String... services) {
        return jar(jar, compile(sources), sources.keySet(), List.of(services));
    }
}
