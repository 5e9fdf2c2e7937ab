package org.learnability.runner.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which devices train: by default every GPU the engine sees, else the CPU; or the devices named,
 * {@code cpu}, {@code gpu} (every GPU) or a list such as {@code gpu0,gpu1}.
 *
 * @param spec the devices named, or {@code auto} for the default
 */
public record DeviceSelection(String spec) {

    /** The default: every GPU the engine sees, else the CPU. */
    public static final String AUTO = "auto";

    /** Validates the spec's form. */
    public DeviceSelection {
        spec = spec == null || spec.isBlank() ? AUTO : spec.trim().toLowerCase(Locale.ROOT);
        if (!spec.matches("auto|cpu|gpu|gpu\\d+(,gpu\\d+)*")) {
            throw new IllegalArgumentException(
                    "devices '"
                            + spec
                            + "' not understood; expected auto, cpu, gpu or a list such as gpu0,gpu1");
        }
    }

    /**
     * The default selection.
     *
     * @return every GPU, else the CPU
     */
    public static DeviceSelection auto() {
        return new DeviceSelection(AUTO);
    }

    /**
     * Resolves the devices on an engine.
     *
     * @param engine the engine
     * @return the devices, never empty
     * @throws IllegalArgumentException if a named GPU is not there
     */
    public Device[] devices(Engine engine) {
        return devices(engine.getEngineName(), engine.getGpuCount());
    }

    /**
     * Resolves the devices for an engine that sees a number of GPUs.
     *
     * @param engineName the engine's name, for messages
     * @param gpuCount the GPUs it sees
     * @return the devices, never empty
     */
    Device[] devices(String engineName, int gpuCount) {
        switch (spec) {
            case AUTO:
                return gpuCount > 0 ? gpus(gpuCount) : new Device[] {Device.cpu()};
            case "cpu":
                return new Device[] {Device.cpu()};
            case "gpu":
                if (gpuCount == 0) {
                    throw new IllegalArgumentException(noGpu(engineName, "gpu", gpuCount));
                }
                return gpus(gpuCount);
            default:
                Set<Integer> ids = new LinkedHashSet<>();
                for (String name : spec.split(",")) {
                    int id = Integer.parseInt(name.substring(3));
                    if (id >= gpuCount) {
                        throw new IllegalArgumentException(noGpu(engineName, name, gpuCount));
                    }
                    ids.add(id);
                }
                List<Device> devices = new ArrayList<>();
                ids.forEach(id -> devices.add(Device.gpu(id)));
                return devices.toArray(Device[]::new);
        }
    }

    private static Device[] gpus(int count) {
        Device[] devices = new Device[count];
        for (int i = 0; i < count; i++) {
            devices[i] = Device.gpu(i);
        }
        return devices;
    }

    private static String noGpu(String engineName, String requested, int gpuCount) {
        return "device "
                + requested
                + " requested, but the "
                + engineName
                + " engine sees "
                + gpuCount
                + " GPU(s); use --devices cpu, or the gpu profile's CUDA build on a machine with a GPU";
    }
}
