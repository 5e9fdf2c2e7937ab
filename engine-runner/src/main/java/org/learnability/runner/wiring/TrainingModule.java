package org.learnability.runner.wiring;

import com.google.inject.AbstractModule;
import org.learnability.runner.loss.WeightedSoftmaxCrossEntropyLoss;
import org.learnability.runner.training.LossFactory;

/**
 * Training: the weighted loss every model trains with. The pipeline, the model service and the data
 * loader come in through their {@code @Inject} constructors.
 */
public final class TrainingModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LossFactory.class)
                .toInstance(
                        (weights, manager) ->
                                new WeightedSoftmaxCrossEntropyLoss(
                                        "weighted-softmax-ce", weights, manager));
    }
}
