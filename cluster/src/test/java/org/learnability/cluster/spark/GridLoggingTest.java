package org.learnability.cluster.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/**
 * The grid's logging configuration ({@code log4j2.properties}): Spark's warnings show, but not the
 * "task of very large size" line every grid of a larger model printed, whose arm tasks carry their
 * baseline's parameters on purpose (issue 33, item 11).
 */
class GridLoggingTest {

    @Test
    void sparkWarnsButNotOfTheArmTasksSize() {
        try (LoggerContext context =
                Configurator.initialize(
                        "grid-logging-test",
                        GridLoggingTest.class.getClassLoader(),
                        "classpath:log4j2.properties")) {
            Configuration configuration = context.getConfiguration();
            assertEquals(
                    Level.ERROR,
                    configuration
                            .getLoggerConfig("org.apache.spark.scheduler.TaskSetManager")
                            .getLevel());
            assertEquals(
                    Level.WARN,
                    configuration
                            .getLoggerConfig("org.apache.spark.scheduler.DAGScheduler")
                            .getLevel());
        }
    }
}
