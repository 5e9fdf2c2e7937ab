package org.learnability.runner.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetNameTest {

    @Test
    void parsesTheNamesIgnoringCase() {
        assertEquals(DatasetName.CIFAR10, DatasetName.parse("cifar10"));
        assertEquals(DatasetName.FASHION_MNIST, DatasetName.parse(" Fashion-MNIST "));
        assertEquals(10, DatasetName.CIFAR10.numClasses());
        assertEquals("cat", DatasetName.CIFAR10.classNames().get(3));
        assertEquals("Shirt", DatasetName.FASHION_MNIST.classNames().get(6));
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        DataException e = assertThrows(DataException.class, () -> DatasetName.parse("mnist"));
        assertEquals(
                "unknown data set 'mnist'; valid names: cifar10, fashion-mnist", e.getMessage());
    }
}
