package org.learnability.experiments.app;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learnability.experiments.mode.ExperimentMode;
import org.learnability.experiments.plan.PlanSchema;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.wiring.StrategyModule;

/**
 * The plan options of the modes a command line will run with, before it parses: the built-in modes,
 * those of extra modules and those of the plugins directory's jars (named by {@code --plugins}
 * among the arguments), each with its own options. It puts together only the modes and the plugins,
 * so no engine starts.
 */
public final class ModeDiscovery {

    private ModeDiscovery() {}

    /**
     * Returns the plan options of the modes.
     *
     * @param args the command line's arguments, for {@code --plugins}
     * @param extra further modules, e.g. registering a toy mode
     * @return the schema; without the plugins' modes when the plugins directory cannot be read (the
     *     command then reports that, once it runs)
     */
    public static PlanSchema schema(String[] args, List<? extends Module> extra) {
        try {
            return PlanSchema.of(modes(plugins(args), extra).all());
        } catch (RuntimeException e) {
            return PlanSchema.of(modes(null, extra).all());
        }
    }

    private static Registry<ExperimentMode> modes(Path plugins, List<? extends Module> extra) {
        List<Module> modules = new ArrayList<>();
        modules.add(new ModeModule(plugins));
        modules.addAll(extra);
        return Guice.createInjector(modules)
                .getInstance(Key.get(new TypeLiteral<Registry<ExperimentMode>>() {}));
    }

    /** The directory {@code --plugins} names, else the default. */
    private static Path plugins(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--plugins=")) {
                return Path.of(args[i].substring("--plugins=".length()));
            }
        }
        return StrategyModule.DEFAULT_PLUGINS;
    }
}
