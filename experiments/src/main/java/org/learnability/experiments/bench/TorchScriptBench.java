package org.learnability.experiments.bench;

import com.google.inject.AbstractModule;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.learnability.experiments.cli.Main;
import org.learnability.runner.wiring.ModelModule;

/**
 * The command line with one more model for {@code learnability bench}, to measure a lever DJL's
 * NDArray API does not offer (issue 31): {@value TorchScriptArchitecture#NAME}, the TorchScript
 * file given first with {@code --torchscript FILE} ({@link TorchScriptArchitecture}). Everything
 * else is {@code learnability}'s own command line, e.g.
 *
 * <pre>
 *   java -cp 'experiments/target/learnability/lib/*' org.learnability.experiments.bench.TorchScriptBench \
 *       --torchscript /tmp/ts/resnet-peifer-cl-torch2.13.0.pt bench --model torchscript --dataset cifar10 ...
 * </pre>
 *
 * {@code bench/torchscript-bench.sh} runs it.
 */
public final class TorchScriptBench {

    private TorchScriptBench() {}

    /**
     * Runs the command line and exits with its code.
     *
     * @param args {@code [--torchscript FILE]} and then learnability's arguments
     */
    public static void main(String[] args) {
        boolean given = args.length >= 2 && args[0].equals("--torchscript");
        Path file = given ? Path.of(args[1]) : Path.of("model.pt");
        String[] rest = given ? Arrays.copyOfRange(args, 2, args.length) : args;
        System.exit(Main.commandLine(List.of(new Models(file))).execute(rest));
    }

    /** Registers the TorchScript model. */
    private static final class Models extends AbstractModule {
        private final Path file;

        Models(Path file) {
            this.file = file;
        }

        @Override
        protected void configure() {
            ModelModule.architectures(binder())
                    .addBinding(TorchScriptArchitecture.NAME)
                    .toInstance(new TorchScriptArchitecture(file));
        }
    }
}
