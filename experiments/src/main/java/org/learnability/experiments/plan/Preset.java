package org.learnability.experiments.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Ready-made experiments that explicit options override: each a resource {@code
 * presets/<name>.json} giving every plan option that has no declared default.
 */
public enum Preset {
    /**
     * A first look in at most 10 minutes on 2 CPU cores: CIFAR-10, {@code resnet-peifer}, a
     * stratified 10,000-image training subset, 2,000 validation images, 4 epochs, the baseline and
     * {@code mean-ratio:gamma=2} (two-stage, and post-hoc on the baseline's logits), one seed;
     * weights bounded to a largest/smallest ratio of 2 ({@code --max-weight-ratio}), since a
     * baseline this short gives extreme weights (of the bounds 2, 3, 5, 10 and 20, the one that
     * lost the least validation accuracy on a short Fashion-MNIST run; see
     * docs/modes-and-interventions.md). It shows the pipeline and the size of the imbalance, not
     * whether a strategy helps: one seed has no spread to judge by, and the models are far from
     * converged.
     */
    QUICK,
    /**
     * The source paper's set-up: CIFAR-10, {@code resnet-peifer}, 45,000 training and 5,000
     * validation images, Adam with learning rate 1e-3, batch 512, 20 epochs; strategies {@code
     * mean-ratio:gamma=1}, {@code mean-ratio:gamma=2}, {@code shifted-power:gamma=4}, {@code
     * difficulty}, two-stage (and post-hoc on the baseline's logits); 5 seeds; no bound on the
     * weights, as in the paper. Meant for a GPU.
     */
    PAPER,
    /**
     * The paper's data and network at the paper's accuracy on 2 CPU cores (the tested recipe, its
     * ablation in docs/results.md): CIFAR-10, {@code resnet-peifer}, 45,000 training and 5,000
     * validation images; 15 epochs at batch 128 (the fastest batch per image on 2 cores, see
     * BENCHMARKS.md) of SGD with Nesterov momentum 0.9, weight decay 5e-4 and a one-cycle rate
     * (linear rise to 0.1 over the first 15% of the updates, linear fall to 0); random crops
     * (padding 4) and flips; every model scored on the mean logits of an image and its mirror
     * image. Label smoothing and parameter averaging were tried and left out: they did not raise
     * accuracy and an averaged model took longer. Arms: {@code mean-ratio:gamma=2} and {@code
     * difficulty:tau=dynamic}, two-stage (the paper's method), post-hoc, head and head+posthoc
     * (built on the baseline); 3 seeds; no bound on the weights.
     */
    CPU,
    /**
     * The {@code cpu} preset made fast, for studies of many models (its ablation in
     * docs/results.md): the same data, arms and optimizer, but 7 epochs, no crops or flips in
     * training (at 7 epochs they cost 1.6 points), the network's activations channels-last ({@code
     * resnet-peifer-nhwc}: the same network, faster on PyTorch), and the validation split scored
     * once after training instead of after every epoch ({@code --no-validate-every-epoch}).
     * Measured: 0.802 test accuracy over 3 seeds, 8.0 to 8.7 minutes a model on 2 cores of an AVX2
     * CPU.
     */
    FAST;

    /**
     * Returns the presets' names as an error message lists them: {@code quick, paper, cpu or fast}.
     *
     * @return the names
     */
    public static String choices() {
        Preset[] all = values();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            names.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i]);
        }
        return names.toString();
    }

    /**
     * Returns the preset's options, its name as {@code preset} among them.
     *
     * @return every plan option
     */
    public PlanOptions options() {
        String resource = "/presets/" + this + ".json";
        JsonObject options;
        try (InputStream in = Preset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            options =
                    JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        options.addProperty("preset", toString());
        return PlanOptions.of(options, "preset " + this);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
