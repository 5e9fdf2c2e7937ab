package org.learnability.runner.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DeviceSelectionTest {

    @Test
    void autoTakesEveryGpuElseTheCpu() {
        assertArrayEquals(
                new Device[] {Device.cpu()}, DeviceSelection.auto().devices("PyTorch", 0));
        assertArrayEquals(
                new Device[] {Device.gpu(0), Device.gpu(1)},
                DeviceSelection.auto().devices("PyTorch", 2));
    }

    @Test
    void namedDevicesOverrideTheDefault() {
        assertArrayEquals(
                new Device[] {Device.cpu()}, new DeviceSelection("cpu").devices("MXNet", 4));
        assertArrayEquals(
                new Device[] {Device.gpu(1), Device.gpu(3)},
                new DeviceSelection("GPU1,gpu3").devices("MXNet", 4));
        assertArrayEquals(
                new Device[] {Device.gpu(0), Device.gpu(1)},
                new DeviceSelection("gpu").devices("MXNet", 2));
    }

    @Test
    void aMissingGpuIsAClearError() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new DeviceSelection("gpu2").devices("PyTorch", 1));
        assertEquals(
                "device gpu2 requested, but the PyTorch engine sees 1 GPU(s); use --devices cpu, or the gpu profile's"
                        + " CUDA build on a machine with a GPU",
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new DeviceSelection("gpu").devices("MXNet", 0));
    }

    @Test
    void malformedSpecsAreRejected() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new DeviceSelection("tpu0"));
        assertEquals(
                "devices 'tpu0' not understood; expected auto, cpu, gpu or a list such as gpu0,gpu1",
                e.getMessage());
    }
}
