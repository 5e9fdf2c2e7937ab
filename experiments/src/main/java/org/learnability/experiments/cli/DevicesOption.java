package org.learnability.experiments.cli;

import org.learnability.runner.engine.DeviceSelection;
import picocli.CommandLine.Option;

/** {@code --devices}, as the commands that train or score take it. */
final class DevicesOption {

    @Option(
            names = "--devices",
            paramLabel = "DEVICES",
            description =
                    "auto (every GPU, else the CPU), cpu, gpu, or a list such as gpu0,gpu1"
                            + " (default: ${DEFAULT-VALUE}).")
    String devices = DeviceSelection.AUTO;

    /**
     * Returns the devices asked for.
     *
     * @return the selection
     * @throws IllegalArgumentException for an empty {@code --devices}
     */
    DeviceSelection selection() {
        if (devices.isBlank()) {
            throw new IllegalArgumentException(
                    "--devices is empty; expected auto, cpu, gpu or a list such as gpu0,gpu1");
        }
        return new DeviceSelection(devices);
    }
}
