package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnability.runner.engine.EngineSelection;
import org.learnability.runner.testing.EngineTest;

/** Random crop with padding and horizontal flip, on a whole batch in bulk. */
@EngineTest
class AugmentationTest {

    private static final int B = 24;
    private static final int C = 3;
    private static final int S = 32;
    private static final float[] FILL = {-1.5f, -2.5f, -3.5f};

    private NDManager manager;
    private float[] input;

    @BeforeEach
    void setUp() {
        manager = EngineSelection.fromSystem().engine().newBaseManager(Device.cpu());
        input = new float[B * C * S * S];
        Random random = new Random(1);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 4 - 2;
        }
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private float[] augment(Augmentation augmentation, long seed) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(input, new Shape(B, C, S, S));
            NDArray y = augmentation.apply(x, seed, FILL);
            assertEquals(new Shape(B, C, S, S), y.getShape());
            return y.toFloatArray();
        }
    }

    /** The value of sample k shifted by (dy, dx), flipped or not, padded with FILL. */
    private float expected(int k, int c, int i, int j, int dy, int dx, boolean flip) {
        int row = i + dy;
        int column = (flip ? S - 1 - j : j) + dx;
        if (row < 0 || row >= S || column < 0 || column >= S) {
            return FILL[c];
        }
        return input[((k * C + c) * S + row) * S + column];
    }

    /** Finds the crop offset and flip that produced sample k, or null if none did. */
    private int[] transformOf(float[] output, int k, int padding) {
        for (int dy = -padding; dy <= padding; dy++) {
            for (int dx = -padding; dx <= padding; dx++) {
                for (boolean flip : new boolean[] {false, true}) {
                    if (matches(output, k, dy, dx, flip)) {
                        return new int[] {dy, dx, flip ? 1 : 0};
                    }
                }
            }
        }
        return null;
    }

    private boolean matches(float[] output, int k, int dy, int dx, boolean flip) {
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < S; i++) {
                for (int j = 0; j < S; j++) {
                    if (Math.abs(
                                    output[((k * C + c) * S + i) * S + j]
                                            - expected(k, c, i, j, dy, dx, flip))
                            > 1e-6f) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void everyImageIsAPaddedCropOfItselfPossiblyMirrored() {
        float[] output = augment(Augmentation.cifar10(), 99);
        Set<String> transforms = new HashSet<>();
        for (int k = 0; k < B; k++) {
            int[] t = transformOf(output, k, 4);
            assertTrue(t != null, "sample " + k + " is a crop with padding 4, mirrored or not");
            transforms.add(Arrays.toString(t));
        }
        assertTrue(transforms.size() > B / 2, "the crops and flips vary: " + transforms);
    }

    @Test
    void theSameSeedGivesTheSameBatchAndAnotherSeedAnother() {
        float[] first = augment(Augmentation.cifar10(), 7);
        assertArrayEquals(first, augment(Augmentation.cifar10(), 7));
        assertFalse(Arrays.equals(first, augment(Augmentation.cifar10(), 8)));
    }

    @Test
    void flipOnlyMirrorsAboutHalfTheImages() {
        float[] output = augment(new Augmentation(0, true), 3);
        int flipped = 0;
        for (int k = 0; k < B; k++) {
            int[] t = transformOf(output, k, 0);
            assertTrue(t != null, "sample " + k + " is itself or its mirror");
            flipped += t[2];
        }
        assertTrue(flipped > 0 && flipped < B, flipped + " of " + B + " flipped");
    }

    @Test
    void noAugmentationReturnsTheBatchItself() {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(input, new Shape(B, C, S, S));
            assertSame(x, Augmentation.NONE.apply(x, 1, FILL));
        }
    }
}
