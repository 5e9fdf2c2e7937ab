package org.learnability.runner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learnability.runner.registry.Registry;
import org.learnability.runner.wiring.ModelModule;

/**
 * Names, listing and argument errors of the models as the application registers them; no engine.
 */
class ModelRegistryTest {

    private final Registry<ModelArchitecture> factory =
            Guice.createInjector(new ModelModule())
                    .getInstance(Key.get(new TypeLiteral<Registry<ModelArchitecture>>() {}));

    @Test
    void anUnknownNameGivesOneLineListingTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> factory.get("x").build(ImageShape.CIFAR10, 10));
        assertEquals(
                "unknown model 'x'; known models: cnn-small, resnet-peifer, resnet-peifer-nhwc, resnet20, mlp",
                e.getMessage());
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> factory.get(null));
        assertEquals(
                "unknown model 'null'; known models: cnn-small, resnet-peifer, resnet-peifer-nhwc, resnet20, mlp",
                none.getMessage());
    }

    @Test
    void namesAreInRegistrationOrderAndMatchedIgnoringCase() {
        assertEquals(
                List.of("cnn-small", "resnet-peifer", "resnet-peifer-nhwc", "resnet20", "mlp"),
                factory.names());
        assertSame(ResNetPeifer.class, factory.get(" ResNet-Peifer ").getClass());
        assertSame(ResNet20.class, factory.get("RESNET20").getClass());
        assertSame(CnnSmall.class, factory.get("cnn-small").getClass());
    }

    @Test
    void theListingHasOneLinePerModelWithItsDescription() {
        String[] lines = factory.listing().split("\n");
        assertEquals(5, lines.length);
        for (int i = 0; i < lines.length; i++) {
            ModelArchitecture architecture = factory.all().get(i);
            assertTrue(lines[i].startsWith(architecture.name() + " "), lines[i]);
            assertTrue(lines[i].endsWith(architecture.description()), lines[i]);
            assertFalse(architecture.description().isBlank());
            assertFalse(architecture.description().contains("\n"));
        }
        assertTrue(
                lines[0].startsWith("cnn-small      "),
                "names are padded to one column: " + lines[0]);
    }

    @Test
    void duplicateNamesAreRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Registry.of(
                                        "model",
                                        "known models:",
                                        List.of(new CnnSmall(), new CnnSmall())));
        assertEquals("two models are named 'cnn-small'", e.getMessage());
    }

    @Test
    void imagesTooSmallForAModelAreRejectedNamingModelAndShape() {
        IllegalArgumentException peifer =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> factory.get("resnet-peifer").build(new ImageShape(3, 12, 32), 10));
        assertEquals(
                "model 'resnet-peifer' needs images of at least 16x16 pixels (two 2x2 max-pools, an unpadded"
                        + " 3x3 conv and a third max-pool), not 3x12x32",
                peifer.getMessage());
        IllegalArgumentException resnet =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> factory.get("resnet20").build(new ImageShape(1, 7, 7), 10));
        assertEquals(
                "model 'resnet20' needs images of at least 8x8 pixels (two stride-2 stages), not 1x7x7",
                resnet.getMessage());
        IllegalArgumentException small =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> factory.get("cnn-small").build(new ImageShape(1, 28, 3), 10));
        assertEquals(
                "model 'cnn-small' needs images of at least 4x4 pixels (two 2x2 max-pools), not 1x28x3",
                small.getMessage());
    }

    @Test
    void fewerThanTwoClassesAreRejected() {
        for (String name : factory.names()) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> factory.get(name).build(ImageShape.CIFAR10, 1));
            assertEquals("model '" + name + "' needs at least 2 classes, not 1", e.getMessage());
        }
    }

    @Test
    void imageShapesValidate() {
        assertEquals(new ImageShape(3, 32, 32), ImageShape.of(new Shape(3, 32, 32)));
        assertEquals(new Shape(4, 1, 28, 28), ImageShape.FASHION_MNIST.batch(4));
        assertEquals(new Shape(3, 32, 32), ImageShape.CIFAR10.toShape());
        assertEquals("3x32x32", ImageShape.CIFAR10.toString());
        assertEquals(
                "image shape (32, 32) has 2 dimensions; expected (C, H, W)",
                assertThrows(IllegalArgumentException.class, () -> ImageShape.of(new Shape(32, 32)))
                        .getMessage());
        assertEquals(
                "image shape 0x28x28 has a size below 1; expected C x H x W, each >= 1",
                assertThrows(IllegalArgumentException.class, () -> new ImageShape(0, 28, 28))
                        .getMessage());
    }
}
