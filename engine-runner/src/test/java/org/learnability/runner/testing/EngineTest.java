package org.learnability.runner.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that runs on a DJL engine. The build runs such classes once per engine, in a
 * JVM of its own whose {@code ai.djl.default_engine} names the engine (surefire executions {@code
 * pytorch} and {@code mxnet}); the test takes its engine from {@link
 * org.learnability.runner.engine.EngineSelection#fromSystem()}, as the application does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("engine")
public @interface EngineTest {}
