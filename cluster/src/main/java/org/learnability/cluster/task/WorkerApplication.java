package org.learnability.cluster.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.learnability.experiments.app.Application;
import org.learnability.runner.engine.ThreadRequest;

/**
 * The application of each JVM that runs grid tasks. Spark ships a task's function, not objects, to
 * its executors, so each executor JVM starts the application once, on its first task, and keeps it;
 * this JVM-wide cache is the one piece of static state of the project, and it only ever holds the
 * started applications. In the embedded {@code local[N]} the driver's own application (with any
 * extra modules) serves its tasks.
 */
public final class WorkerApplication {

    private static final Map<Path, Application> STARTED = new ConcurrentHashMap<>();

    private WorkerApplication() {}

    /**
     * Lets the tasks of this JVM use an application already started, for a plugins directory.
     *
     * @param plugins the plugins directory
     * @param application the application
     */
    public static void share(Path plugins, Application application) {
        STARTED.put(key(plugins), application);
    }

    /**
     * Returns the application of this JVM for a plugins directory, starting it on first use.
     *
     * @param plugins the plugins directory
     * @param threads the engine threads to ask for, if it starts here
     * @return the application
     */
    static Application get(Path plugins, ThreadRequest threads) {
        return STARTED.computeIfAbsent(key(plugins), p -> Application.start(p, threads, List.of()));
    }

    private static Path key(Path plugins) {
        return plugins.toAbsolutePath().normalize();
    }
}
