package org.learnability.experiments.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that trains on a DJL engine. The build runs such classes once per engine, in a
 * JVM of its own whose {@code ai.djl.default_engine} names the engine (surefire executions {@code
 * pytorch} and {@code mxnet}). A class that needs an engine only to train the models whose
 * bookkeeping it checks is a {@link OneEngineTest} instead, and runs once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("engine")
public @interface EngineTest {}
