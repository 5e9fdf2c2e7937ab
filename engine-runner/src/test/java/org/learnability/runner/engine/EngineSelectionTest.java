package org.learnability.runner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EngineSelectionTest {

    private static Properties property(String value) {
        Properties p = new Properties();
        if (value != null) {
            p.setProperty(EngineSelection.PROPERTY, value);
        }
        return p;
    }

    @Test
    void defaultsToPyTorchWhenNothingIsSet() {
        EngineSelection s = EngineSelection.resolve(property(null), Map.of());
        assertEquals("PyTorch", s.name());
        assertEquals("the default", s.origin());
    }

    @Test
    void environmentVariableChoosesWhenNoProperty() {
        EngineSelection s =
                EngineSelection.resolve(property(null), Map.of(EngineSelection.ENV, "MXNet"));
        assertEquals("MXNet", s.name());
        assertEquals("$DJL_DEFAULT_ENGINE", s.origin());
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        // DJL's Engine.getDefaultEngineName() also prefers the property.
        EngineSelection s =
                EngineSelection.resolve(property("MXNet"), Map.of(EngineSelection.ENV, "PyTorch"));
        assertEquals("MXNet", s.name());
        assertEquals("-Dai.djl.default_engine", s.origin());
    }

    @Test
    void unknownEngineNamesTheValueAndTheAvailableOnes() {
        EngineSelection s = EngineSelection.resolve(property("TensorFlowLite"), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::engine);
        assertTrue(
                e.getMessage()
                        .contains("unknown engine 'TensorFlowLite' (from -Dai.djl.default_engine)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("MXNet, PyTorch"), e.getMessage());
    }
}
