package org.learnability.api.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.strategy.ParameterSpec;
import org.learnability.api.strategy.Range;
import org.learnability.api.strategy.StrategyException;
import org.learnability.api.strategy.StrategySpec;
import org.learnability.api.strategy.WeightStrategy;
import org.learnability.api.testing.PluginJars;
import org.learnability.api.weights.ClassWeights;

/**
 * The registry against real plugin jars: strategy sources compiled against the api at test time,
 * packed into jars with their {@code META-INF/services} entry and dropped into a temporary plugins
 * directory.
 */
class StrategyRegistryTest {

    private static final String PKG = "com.example.plugin";
    private static final String INVERSE_TPR = PKG + ".InverseTprProvider";
    private static final String MISBEHAVING = PKG + ".MisbehavingProvider";
    private static final String THROWING = PKG + ".ThrowingProvider";
    private static final String DUP_A = PKG + ".DupA";
    private static final String DUP_B = PKG + ".DupB";
    private static final String NOT_A_PROVIDER = PKG + ".NotAProvider";
    private static final String BASE = PKG + ".ProviderBase";
    private static final String DERIVED = PKG + ".DerivedProvider";
    private static final String BAD_NAME = PKG + ".BadNameProvider";
    private static final String CLASS_PATH = PKG + ".ClassPathProvider";

    private static final String IMPORTS =
            """
            package com.example.plugin;

            import java.util.List;
            import org.learnability.api.scores.ClassScores;
            import org.learnability.api.scores.Metric;
            import org.learnability.api.strategy.ParameterSpec;
            import org.learnability.api.strategy.Range;
            import org.learnability.api.strategy.StrategyParameters;
            import org.learnability.api.strategy.WeightStrategy;
            import org.learnability.api.strategy.WeightStrategyProvider;
            import org.learnability.api.weights.ClassWeights;

            """;

    /** Every plugin class the tests use, compiled once. */
    private static Map<String, byte[]> compiled;

    @TempDir Path plugins;

    @BeforeAll
    static void compilePlugins() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(
                INVERSE_TPR,
                IMPORTS
                        + """
                        /** w_c = (1 / max(tpr_c, 1e-3))^power, then normalised. */
                        public final class InverseTprProvider implements WeightStrategyProvider {
                            @Override public String name() { return "inverse-tpr"; }
                            @Override public String description() { return "w_c = (1 / max(tpr_c, 1e-3))^power"; }
                            @Override public List<ParameterSpec> parameters() {
                                return List.of(ParameterSpec.number("power", "the exponent", 1, Range.closed(0, 10)));
                            }
                            @Override public WeightStrategy create(StrategyParameters parameters) {
                                double power = parameters.number("power");
                                return (scores, current) -> {
                                    double[] tpr = scores.values(Metric.TPR);
                                    double[] raw = new double[tpr.length];
                                    for (int c = 0; c < tpr.length; c++) {
                                        raw[c] = Math.pow(1.0 / Math.max(tpr[c], 1e-3), power);
                                    }
                                    return ClassWeights.of(raw);
                                };
                            }
                        }
                        """);
        sources.put(
                MISBEHAVING,
                IMPORTS
                        + """
                        /** Returns two weights, or none, whatever the number of classes. */
                        public final class MisbehavingProvider implements WeightStrategyProvider {
                            @Override public String name() { return "misbehaving"; }
                            @Override public String description() { return "returns a wrong result"; }
                            @Override public List<ParameterSpec> parameters() {
                                return List.of(ParameterSpec.choice("returns", "what to return", "two", "two", "null"));
                            }
                            @Override public WeightStrategy create(StrategyParameters parameters) {
                                boolean none = parameters.is("returns", "null");
                                return (scores, current) -> none ? null : ClassWeights.of(1, 1);
                            }
                        }
                        """);
        sources.put(
                THROWING,
                IMPORTS
                        + """
                        public final class ThrowingProvider implements WeightStrategyProvider {
                            public ThrowingProvider() { throw new IllegalStateException("licence file missing"); }
                            @Override public String name() { return "throwing"; }
                            @Override public String description() { return "cannot be made"; }
                            @Override public WeightStrategy create(StrategyParameters parameters) { return null; }
                        }
                        """);
        sources.put(DUP_A, simpleProvider("DupA", "dup"));
        sources.put(DUP_B, simpleProvider("DupB", "dup"));
        sources.put(BAD_NAME, simpleProvider("BadNameProvider", "Bad Name"));
        sources.put(CLASS_PATH, simpleProvider("ClassPathProvider", "from-class-path"));
        sources.put(
                NOT_A_PROVIDER,
                "package com.example.plugin;\npublic final class NotAProvider {}\n");
        sources.put(
                BASE,
                IMPORTS
                        + """
                        public abstract class ProviderBase implements WeightStrategyProvider {
                            @Override public String description() { return "has a base class"; }
                            @Override public WeightStrategy create(StrategyParameters parameters) {
                                return (scores, current) -> current;
                            }
                        }
                        """);
        sources.put(
                DERIVED,
                "package com.example.plugin;\n"
                        + "public final class DerivedProvider extends ProviderBase {\n"
                        + "    @Override public String name() { return \"derived\"; }\n"
                        + "}\n");
        compiled = PluginJars.compile(sources);
    }

    /** A provider of uniform weights, under the given class and strategy name. */
    private static String simpleProvider(String className, String strategyName) {
        return IMPORTS
                + "public final class "
                + className
                + " implements WeightStrategyProvider {\n"
                + "    @Override public String name() { return \""
                + strategyName
                + "\"; }\n"
                + "    @Override public String description() { return \"uniform weights\"; }\n"
                + "    @Override public WeightStrategy create(StrategyParameters parameters) {\n"
                + "        return (scores, current) -> ClassWeights.uniform(scores.numClasses());\n"
                + "    }\n"
                + "}\n";
    }

    /** Writes a plugin jar holding {@code classes}, each registered as a provider. */
    private Path plugin(String jarName, String... classes) {
        return PluginJars.jar(
                plugins.resolve(jarName), compiled, List.of(classes), List.of(classes));
    }

    private StrategyRegistry load() {
        return StrategyRegistry.load(getClass().getClassLoader(), plugins);
    }

    private static StrategyException loadFails(Path dir) {
        return assertThrows(
                StrategyException.class,
                () -> StrategyRegistry.load(StrategyRegistryTest.class.getClassLoader(), dir));
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message lacks '" + part + "': " + message);
        }
    }

    // ---------------------------------------------------------------- found and run

    @Test
    void theApiClassPathRegistersNoStrategy() {
        // strategies live in another module: the api's own class path has none
        try (StrategyRegistry registry = StrategyRegistry.classPath(getClass().getClassLoader())) {
            assertEquals(List.of(), registry.strategies());
        }
    }

    @Test
    void findsACompiledPluginByNameWithItsJarAsSource() {
        Path jar = plugin("inverse-tpr.jar", INVERSE_TPR);
        try (StrategyRegistry registry = load()) {
            List<StrategyInfo> all = registry.strategies();
            assertEquals(1, all.size(), all::toString);
            StrategyInfo info = all.get(0);
            assertEquals("inverse-tpr", info.name());
            assertEquals(jar.toString(), info.source());
            assertEquals(INVERSE_TPR + " in " + jar, info.origin());
            assertEquals(INVERSE_TPR, info.provider().getClass().getName());
            // loaded from the jar by a loader of its own, not from the test class path
            assertInstanceOf(URLClassLoader.class, info.provider().getClass().getClassLoader());
            assertEquals("w_c = (1 / max(tpr_c, 1e-3))^power", info.provider().description());
            List<ParameterSpec> parameters = info.provider().parameters();
            assertEquals(1, parameters.size());
            assertEquals("power", parameters.get(0).name());
            assertEquals("1", parameters.get(0).defaultValue());
            assertEquals(Range.closed(0, 10), parameters.get(0).range().orElseThrow());
            assertEquals(info, registry.info("inverse-tpr"));
        }
    }

    @Test
    void createdPluginStrategyComputesTheHandDerivedWeights() {
        plugin("inverse-tpr.jar", INVERSE_TPR);
        try (StrategyRegistry registry = load()) {
            WeightStrategy strategy = registry.create("inverse-tpr:power=2");
            // tpr = [0.5, 0.25, 1]; raw = (1/tpr)^2 = [4, 16, 1], sum 21;
            // w = 3 * raw / 21 = [12/21, 48/21, 3/21] = [4/7, 16/7, 1/7]
            ClassWeights w =
                    strategy.weights(ClassScores.ofTpr(0.5, 0.25, 1.0), ClassWeights.uniform(3));
            assertArrayEquals(new double[] {4.0 / 7, 16.0 / 7, 1.0 / 7}, w.values(), 1e-12);
        }
    }

    @Test
    void parameterDefaultsFillIn() {
        plugin("inverse-tpr.jar", INVERSE_TPR);
        try (StrategyRegistry registry = load()) {
            assertEquals(
                    Map.of("power", "1"),
                    registry.parameters(StrategySpec.parse("inverse-tpr")).values());
            assertEquals(
                    Map.of("power", "2.5"),
                    registry.parameters(StrategySpec.parse("inverse-tpr:power=2.5")).values());
            // default power 1; tpr = [0, 0.5, 1]: tpr 0 is floored at 1e-3, so raw = [1000, 2, 1],
            // sum 1003;
            // w = 3 * raw / 1003 = [3000/1003, 6/1003, 3/1003]
            ClassWeights w =
                    registry.create("inverse-tpr")
                            .weights(ClassScores.ofTpr(0.0, 0.5, 1.0), ClassWeights.uniform(3));
            assertArrayEquals(
                    new double[] {3000.0 / 1003, 6.0 / 1003, 3.0 / 1003}, w.values(), 1e-12);
        }
    }

    @Test
    void unknownParameterKeyIsNamedWithTheValidKeys() {
        plugin("inverse-tpr.jar", INVERSE_TPR);
        try (StrategyRegistry registry = load()) {
            StrategyException e =
                    assertThrows(
                            StrategyException.class, () -> registry.create("inverse-tpr:gamma=2"));
            assertContains(e.getMessage(), "inverse-tpr", "'gamma'", "its parameters: power");
        }
    }

    @Test
    void parameterOfAStrategyWithoutParametersSaysItTakesNone() {
        plugin("dup-a.jar", DUP_A);
        try (StrategyRegistry registry = load()) {
            StrategyException e =
                    assertThrows(StrategyException.class, () -> registry.create("dup:gamma=2"));
            assertContains(e.getMessage(), "dup", "'gamma'", "it takes none");
        }
    }

    @Test
    void outOfRangeOrUnparsableValueIsNamedWithTheValidRange() {
        plugin("inverse-tpr.jar", INVERSE_TPR);
        try (StrategyRegistry registry = load()) {
            for (String value : List.of("11", "-1", "10.5", "abc", "NaN")) {
                StrategyException e =
                        assertThrows(
                                StrategyException.class,
                                () -> registry.create("inverse-tpr:power=" + value));
                assertContains(
                        e.getMessage(), "inverse-tpr", "power=" + value, "a number in [0, 10]");
            }
            // both ends of the closed range are valid
            assertNotNull(registry.create("inverse-tpr:power=0"));
            assertNotNull(registry.create("inverse-tpr:power=10"));
        }
    }

    @Test
    void choiceParameterRejectsAnotherWord() {
        plugin("misbehaving.jar", MISBEHAVING);
        try (StrategyRegistry registry = load()) {
            StrategyException e =
                    assertThrows(
                            StrategyException.class,
                            () -> registry.create("misbehaving:returns=three"));
            assertContains(e.getMessage(), "returns=three", "one of two, null");
        }
    }

    @Test
    void strategiesAreListedByNameFromSeveralJars() {
        // jar order (sorted file names) is the reverse of name order: the list is sorted by name
        plugin("a.jar", MISBEHAVING);
        plugin("b.jar", INVERSE_TPR);
        plugin("c.jar", DUP_A);
        try (StrategyRegistry registry = load()) {
            assertEquals(
                    List.of("dup", "inverse-tpr", "misbehaving"),
                    registry.strategies().stream().map(StrategyInfo::name).toList());
        }
    }

    @Test
    void filesThatAreNotJarsAndJarsWithoutServicesAreIgnored() throws IOException {
        Files.writeString(plugins.resolve("README.txt"), "not a jar, not read");
        PluginJars.jar(
                plugins.resolve("library.jar"), compiled, List.of(NOT_A_PROVIDER), List.of());
        plugin("inverse-tpr.jar", INVERSE_TPR);
        try (StrategyRegistry registry = load()) {
            assertEquals(
                    List.of("inverse-tpr"),
                    registry.strategies().stream().map(StrategyInfo::name).toList());
        }
    }

    @Test
    void classPathProvidersAreFoundOnceWithTheirLocationAsSource(@TempDir Path classPath)
            throws IOException {
        // a parent class loader with one provider jar plays the class path; the plugin loaders
        // see it through delegation, and it must still be registered once only
        Path cpJar =
                PluginJars.jar(
                        classPath.resolve("on-class-path.jar"),
                        compiled,
                        List.of(CLASS_PATH),
                        List.of(CLASS_PATH));
        Path pluginJar = plugin("inverse-tpr.jar", INVERSE_TPR);
        try (URLClassLoader parent =
                        new URLClassLoader(
                                new URL[] {cpJar.toUri().toURL()}, getClass().getClassLoader());
                StrategyRegistry registry = StrategyRegistry.load(parent, plugins)) {
            List<StrategyInfo> all = registry.strategies();
            assertEquals(
                    List.of("from-class-path", "inverse-tpr"),
                    all.stream().map(StrategyInfo::name).toList());
            assertEquals(cpJar.toString(), all.get(0).source());
            assertEquals(pluginJar.toString(), all.get(1).source());
        }
    }

    // ---------------------------------------------------------------- errors while loading

    @Test
    void twoJarsWithTheSameStrategyNameAreNamedBoth() {
        Path a = plugin("first.jar", DUP_A);
        Path b = plugin("second.jar", DUP_B);
        StrategyException e = loadFails(plugins);
        assertContains(
                e.getMessage(),
                "'dup'",
                DUP_A + " in " + a,
                DUP_B + " in " + b,
                "remove one of the jars");
    }

    @Test
    void theSameJarDroppedTwiceIsADuplicate() throws IOException {
        Path a = plugin("inverse-tpr-1.0.jar", INVERSE_TPR);
        Path b = Files.copy(a, plugins.resolve("inverse-tpr-1.1.jar"));
        StrategyException e = loadFails(plugins);
        assertContains(e.getMessage(), "'inverse-tpr'", a.toString(), b.toString());
    }

    @Test
    void garbageJarIsNamedAsNotReadable() throws IOException {
        Path broken =
                Files.write(
                        plugins.resolve("broken.jar"),
                        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 'n', 'o', 'p', 'e'});
        StrategyException e = loadFails(plugins);
        assertContains(e.getMessage(), broken.toString(), "not a readable jar");
    }

    @Test
    void servicesEntryForAMissingClassNamesTheJarAndTheClass() {
        String missing = PKG + ".NoSuchProvider";
        Path jar =
                PluginJars.jar(
                        plugins.resolve("missing.jar"),
                        compiled,
                        List.of(DUP_A),
                        List.of(DUP_A, missing));
        StrategyException e = loadFails(plugins);
        assertContains(e.getMessage(), jar.toString(), missing, "not found");
    }

    @Test
    void servicesEntryForAClassThatIsNoProviderNamesTheJarAndTheClass() {
        Path jar = plugin("not-a-provider.jar", NOT_A_PROVIDER);
        StrategyException e = loadFails(plugins);
        assertContains(e.getMessage(), jar.toString(), NOT_A_PROVIDER, "not a subtype");
    }

    @Test
    void providerWhoseSuperclassIsMissingNamesTheJarAndTheMissingClass() {
        // the jar holds DerivedProvider but not its superclass ProviderBase: loading the class
        // fails
        // with a NoClassDefFoundError, a linkage error rather than a ServiceConfigurationError
        Path jar =
                PluginJars.jar(
                        plugins.resolve("incomplete.jar"),
                        compiled,
                        List.of(DERIVED),
                        List.of(DERIVED));
        StrategyException e = loadFails(plugins);
        assertContains(e.getMessage(), jar.toString(), "com/example/plugin/ProviderBase");
    }

    @Test
    void providerWithACompleteJarLoads() {
        // control for the test above: with its superclass in the jar, the same provider loads
        PluginJars.jar(
                plugins.resolve("complete.jar"),
                compiled,
                List.of(DERIVED, BASE),
                List.of(DERIVED));
        try (StrategyRegistry registry = load()) {
            assertEquals(
                    List.of("derived"),
                    registry.strategies().stream().map(StrategyInfo::name).toList());
        }
    }

    @Test
    void providerWhoseConstructorThrowsNamesTheJarTheClassAndTheCause() {
        Path jar = plugin("throwing.jar", THROWING);
        StrategyException e = loadFails(plugins);
        assertContains(e.getMessage(), jar.toString(), THROWING, "licence file missing");
    }

    @Test
    void invalidStrategyNameIsRejectedWithItsOrigin() {
        Path jar = plugin("bad-name.jar", BAD_NAME);
        StrategyException e = loadFails(plugins);
        assertContains(
                e.getMessage(),
                BAD_NAME + " in " + jar,
                "'Bad Name'",
                "lower case letters, digits and dashes");
    }

    @Test
    void aGoodJarBesideABrokenOneStillFailsTheLoad() throws IOException {
        // one bad jar is an error, not a warning: the run would otherwise miss a strategy silently
        plugin("a-good.jar", INVERSE_TPR);
        Path broken = Files.write(plugins.resolve("z-broken.jar"), new byte[] {0});
        StrategyException e = loadFails(plugins);
        assertContains(e.getMessage(), broken.toString());
    }

    // ---------------------------------------------------------------- names and directories

    @Test
    void unknownStrategyListsTheKnownNames() {
        plugin("inverse-tpr.jar", INVERSE_TPR);
        plugin("misbehaving.jar", MISBEHAVING);
        try (StrategyRegistry registry = load()) {
            StrategyException e =
                    assertThrows(
                            StrategyException.class, () -> registry.create("mean-ratio:gamma=2"));
            assertContains(
                    e.getMessage(), "'mean-ratio'", "known strategies: inverse-tpr, misbehaving");
            assertThrows(StrategyException.class, () -> registry.info("mean-ratio"));
        }
    }

    @Test
    void unknownStrategyWhenNoneIsKnownSaysSo() {
        try (StrategyRegistry registry = load()) {
            StrategyException e =
                    assertThrows(StrategyException.class, () -> registry.create("uniform"));
            assertContains(e.getMessage(), "'uniform'", "no strategies were found");
        }
    }

    @Test
    void malformedSpecFailsBeforeTheLookup() {
        try (StrategyRegistry registry = load()) {
            StrategyException e =
                    assertThrows(StrategyException.class, () -> registry.create("x:gamma"));
            assertContains(e.getMessage(), "x:gamma", "key=value");
        }
    }

    @Test
    void missingPluginsDirectoryHoldsNoPlugins() {
        try (StrategyRegistry registry =
                StrategyRegistry.load(
                        getClass().getClassLoader(), plugins.resolve("does-not-exist"))) {
            assertEquals(List.of(), registry.strategies());
        }
    }

    @Test
    void pluginsPathThatIsAFileIsAClearError() throws IOException {
        Path file = Files.writeString(plugins.resolve("plugins"), "a file, not a directory");
        StrategyException e = loadFails(file);
        assertContains(e.getMessage(), "plugins directory " + file, "is not a directory");
    }

    // ---------------------------------------------------------------- the wrapper create returns

    @Test
    void wrapperRejectsAResultOfTheWrongLength() {
        Path jar = plugin("misbehaving.jar", MISBEHAVING);
        try (StrategyRegistry registry = load()) {
            WeightStrategy strategy = registry.create("misbehaving");
            StrategyException e =
                    assertThrows(
                            StrategyException.class,
                            () ->
                                    strategy.weights(
                                            ClassScores.ofTpr(0.5, 0.6, 0.7),
                                            ClassWeights.uniform(3)));
            assertContains(
                    e.getMessage(),
                    "misbehaving",
                    MISBEHAVING + " in " + jar,
                    "returned 2 weights for 3 classes");
        }
    }

    @Test
    void wrapperRejectsNoResult() {
        plugin("misbehaving.jar", MISBEHAVING);
        try (StrategyRegistry registry = load()) {
            WeightStrategy strategy = registry.create("misbehaving:returns=null");
            StrategyException e =
                    assertThrows(
                            StrategyException.class,
                            () ->
                                    strategy.weights(
                                            ClassScores.ofTpr(0.5, 0.6), ClassWeights.uniform(2)));
            assertContains(
                    e.getMessage(),
                    "misbehaving:returns=null",
                    "returned no weights for 2 classes");
        }
    }

    @Test
    void wrapperPassesAResultOfTheRightLength() {
        plugin("misbehaving.jar", MISBEHAVING);
        try (StrategyRegistry registry = load()) {
            // with two classes the fixed answer [1, 1] is right
            ClassWeights w =
                    registry.create("misbehaving")
                            .weights(ClassScores.ofTpr(0.5, 0.6), ClassWeights.uniform(2));
            assertEquals(ClassWeights.uniform(2), w);
        }
    }

    @Test
    void wrapperRejectsCurrentWeightsOfTheWrongLength() {
        plugin("inverse-tpr.jar", INVERSE_TPR);
        try (StrategyRegistry registry = load()) {
            WeightStrategy strategy = registry.create("inverse-tpr");
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    strategy.weights(
                                            ClassScores.ofTpr(0.5, 0.6, 0.7),
                                            ClassWeights.uniform(2)));
            assertContains(e.getMessage(), "2 class weights given for 3 classes");
        }
    }

    // ---------------------------------------------------------------- close

    @Test
    void closeClosesThePluginLoaders() {
        plugin("inverse-tpr.jar", INVERSE_TPR);
        StrategyRegistry registry = load();
        URLClassLoader loader =
                (URLClassLoader)
                        registry.info("inverse-tpr").provider().getClass().getClassLoader();
        assertNotNull(loader.findResource(PluginJars.SERVICES_ENTRY), "open loader reads its jar");
        registry.close();
        assertNull(
                loader.findResource(PluginJars.SERVICES_ENTRY),
                "closed loader no longer reads its jar");
    }
}
