package org.learnability.experiments.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matrix-multiply rate through DJL's engine, the ceiling that training through it can reach:
 * {@code NDArray.matMul} of two {@code n x n} matrices (default 2048) of one data type, repeated
 * for about the given seconds in 5 rounds after a warm-up; one JSON line with the median rate in
 * GFLOP/s ({@code 2 n^3} per product), in the form of {@code bench/matmul_rate.py}.
 *
 * <p>One data type per process: DJL 0.36's PyTorch engine ends the JVM on a {@code BFLOAT16} array
 * ({@code terminate called without an active exception}), so {@code bench/djl-matmul-rate.sh} runs
 * each type in a JVM of its own.
 *
 * <pre>
 *   java -Dai.djl.pytorch.num_threads=2 -cp 'experiments/target/learnability/lib/*' \
 *       org.learnability.experiments.bench.MatmulRate float32 2048 5
 * </pre>
 */
public final class MatmulRate {

    private static final int ROUNDS = 5;

    private MatmulRate() {}

    /**
     * Measures and prints one line.
     *
     * @param args the data type ({@code float32}, {@code float16}, {@code bfloat16}), then
     *     optionally the size (default 2048) and the measured seconds (default 5)
     */
    public static void main(String[] args) {
        DataType type =
                DataType.valueOf(args.length > 0 ? args[0].toUpperCase(Locale.ROOT) : "FLOAT32");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        Engine engine = Engine.getInstance();
        double flops = 2.0 * n * n * n;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomNormal(new Shape(n, n)).toType(type, false);
            NDArray b = manager.randomNormal(new Shape(n, n)).toType(type, false);
            product(a, b); // warm-up
            long start = System.nanoTime();
            product(a, b);
            double once = Math.max((System.nanoTime() - start) / 1e9, 1e-6);
            int repeats = Math.max(1, (int) (seconds / ROUNDS / once));
            // a product slower than a round is a round of its own, as many as fit (at least one)
            int rounds =
                    repeats > 1 ? ROUNDS : Math.max(1, Math.min(ROUNDS, (int) (seconds / once)));
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                start = System.nanoTime();
                for (int i = 0; i < repeats; i++) {
                    product(a, b);
                }
                rates.add(repeats * flops / ((System.nanoTime() - start) / 1e9) / 1e9);
            }
            rates.sort(null);
            System.out.printf(
                    Locale.ROOT,
                    "{\"runner\": \"djl\", \"engine\": \"%s\", \"engineVersion\": \"%s\","
                            + " \"djlVersion\": \"%s\", \"threads\": \"%s\", \"kernel\": \"matmul"
                            + " %dx%d\", \"dtype\": \"%s\", \"gflopsPerSecond\": %.1f,"
                            + " \"gflopsPerSecondMin\": %.1f, \"gflopsPerSecondMax\": %.1f,"
                            + " \"loadAverage\": %.2f}%n",
                    engine.getEngineName(),
                    engine.getVersion(),
                    Engine.getDjlVersion(),
                    System.getProperty("ai.djl.pytorch.num_threads", "engine default"),
                    n,
                    n,
                    type.name().toLowerCase(Locale.ROOT),
                    rates.get(rates.size() / 2),
                    rates.get(0),
                    rates.get(rates.size() - 1),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** One product, freed (the CPU engine computes it before returning). */
    private static void product(NDArray a, NDArray b) {
        a.matMul(b).close();
    }
}
