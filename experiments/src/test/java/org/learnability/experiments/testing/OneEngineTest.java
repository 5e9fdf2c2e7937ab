package org.learnability.experiments.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that needs an engine to train its models but asserts only what the application
 * does around them: the ledger, resume, reports, plans, the grid's tasks, errors before training.
 * Nothing it checks differs between engines, so the build runs such classes once, on the default
 * engine (surefire execution {@code pytorch}), not once per engine as {@link EngineTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("one-engine")
public @interface OneEngineTest {}
