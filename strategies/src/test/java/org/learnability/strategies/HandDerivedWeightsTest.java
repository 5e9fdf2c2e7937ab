package org.learnability.strategies;

import static org.learnability.strategies.Strategies.CIFAR10_TPR;
import static org.learnability.strategies.Strategies.assertWeights;
import static org.learnability.strategies.Strategies.matrix;
import static org.learnability.strategies.Strategies.weights;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.learnability.api.registry.StrategyRegistry;
import org.learnability.api.scores.ClassScores;
import org.learnability.api.weights.ClassWeights;

/**
 * Every strategy on the source paper's CIFAR-10 baseline TPRs (and, for {@code confusion}, on a
 * hand-made matrix), against values computed outside the code under test with python3. Each python
 * one-liner starts from {@code s=[0.836,0.928,0.709,0.654,0.779,0.724,0.872,0.851,0.854,0.890]} and
 * ends by printing {@code [len(w)*x/sum(w) for x in w]}, the weights normalised to mean 1.
 */
class HandDerivedWeightsTest {

    private static final double TOLERANCE = 1e-6;

    /** A hand-made confusion matrix, rows actual, columns predicted. */
    private static final long[][] MATRIX = {
        {50, 2, 3, 0},
        {1, 45, 4, 11},
        {5, 6, 40, 9},
        {0, 12, 8, 30}
    };

    /** A non-uniform current weighting with mean 1 (it sums to 10). */
    private static final double[] CURRENT = {1.2, 0.5, 1.0, 1.5, 0.8, 1.0, 0.9, 1.1, 1.0, 1.0};

    @AutoClose private final StrategyRegistry registry = Strategies.registry();

    private void check(String spec, double[] expected) {
        assertWeights(expected, weights(registry, spec, CIFAR10_TPR), TOLERANCE, spec);
    }

    @Test
    void uniform() {
        check("uniform", new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    }

    @Test
    void meanRatio() {
        // m=sum(s)/len(s);w=[m/x for x in s]
        check(
                "mean-ratio",
                new double[] {
                    0.9573519103024594, 0.8624420226431636, 1.1288380775921807, 1.223770943444734,
                            1.027402050080688,
                    1.1054505483602985, 0.9178282075835504, 0.9404773172889026, 0.9371735328019392,
                            0.8992653899020854
                });
    }

    @Test
    void shiftedPower() {
        // w=[(2-x)**4 for x in s]
        check(
                "shifted-power",
                new double[] {
                    0.8870538925580431, 0.6381418487270699, 1.3422797977724206, 1.5860552955237246,
                            1.0739912436185446,
                    1.2809753784681734, 0.7823020770705726, 0.8422057448381001, 0.8334442510876212,
                            0.7335504703357311
                });
    }

    @Test
    void difficulty() {
        // w=[(1-x)**1.5 for x in s]
        check(
                "difficulty",
                new double[] {
                    0.7456429291635354, 0.21690215975708202, 1.76240053209428, 2.284963568030447,
                            1.1664161986880601,
                    1.6279038672547461, 0.5141384527575282, 0.645720440558313, 0.6263173109686758,
                            0.4095945407273334
                });
    }

    @Test
    void difficultyWithDynamicTau() {
        // import math;t=2/(1+math.exp(-(max(s)/(min(s)+1e-3)-1)));w=[(1-x)**t for x in s]   (t =
        // 1.2054316053699001)
        check(
                "difficulty:tau=dynamic",
                new double[] {
                    0.8162142703896672, 0.30258590994495577, 1.6293556440087642, 2.007446528913589,
                            1.1694077029671597,
                    1.5286580987067682, 0.6054229845952529, 0.7270910862424553, 0.709480961127952,
                            0.5043368131034366
                });
    }

    @Test
    void softmax() {
        // import math;w=[math.exp((1-x)/0.1) for x in s]
        check(
                "softmax",
                new double[] {
                    0.52796208433707, 0.21040294357899036, 1.8799951408382172, 3.258507251433876,
                            0.933577958139519,
                    1.6181268133598035, 0.3683466473050908, 0.4544211772389152, 0.44099100180136025,
                            0.30766898196715636
                });
    }

    @Test
    void multiplicativeFromUniform() {
        // import math;w=[math.exp(1-x) for x in s]
        check(
                "multiplicative",
                new double[] {
                    0.9705298227053879, 0.8852252490766679, 1.1019560769641463, 1.1642613509010955,
                            1.0274570359691735,
                    1.085550088335532, 0.9362121730086488, 0.9560805160879213, 0.9532165726028423,
                            0.9195111143485825
                });
    }

    @Test
    void additiveFromUniform() {
        // m=sum(1-x for x in s)/len(s);w=[max(1e-3,1+(1-x)-m) for x in s]
        check(
                "additive",
                new double[] {
                    0.9737, 0.8817, 1.1007, 1.1557, 1.0307, 1.0857, 0.9377, 0.9587, 0.9557, 0.9197
                });
    }

    @Test
    void multiplicativeFromNonUniformCurrent() {
        // import math;c=[1.2,0.5,1.0,1.5,0.8,1.0,0.9,1.1,1.0,1.0];w=[a*math.exp(1-x) for a,x in
        // zip(c,s)]
        double[] expected = {
            1.1496762637887512, 0.43692735021311657, 1.0878016623709879, 1.723959955509702,
                    0.8114076378225007,
            1.0716064055217198, 0.8317680363838209, 1.038179829625161, 0.9409726884338283,
                    0.9077001703304114
        };
        assertWeights(
                expected, fromCurrent("multiplicative"), TOLERANCE, "multiplicative from current");
    }

    @Test
    void additiveFromNonUniformCurrent() {
        // c=[1.2,0.5,1.0,1.5,0.8,1.0,0.9,1.1,1.0,1.0];m=sum(1-x for x in
        // s)/len(s);w=[max(1e-3,a+(1-x)-m) for a,x in zip(c,s)]
        double[] expected = {
            1.1737, 0.3817, 1.1007, 1.6557, 0.8307, 1.0857, 0.8377, 1.0587, 0.9557, 0.9197
        };
        assertWeights(expected, fromCurrent("additive"), TOLERANCE, "additive from current");
    }

    @Test
    void additiveFloorsAWeightTheStepWouldMakeNegative() {
        // c=[1.2,0.5,1.0,1.5,0.8,1.0,0.9,1.1,1.0,1.0];m=sum(1-x for x in
        // s)/len(s);w=[max(1e-3,a+5*((1-x)-m)) for a,x in zip(c,s)]
        // class 1: 0.5 + 5*(0.072 - 0.1903) < 0, floored at eps = 1e-3
        double[] expected = {
            1.0587069606143176, 0.000990834778300718, 1.4897200891751299, 2.2576170423581865,
                    0.9447609611097347,
            1.415407480802576, 0.5831062670299728, 0.885310874411692, 0.7713648749071093,
                    0.5930146148129798
        };
        assertWeights(
                expected, fromCurrent("additive:eta=5"), TOLERANCE, "additive:eta=5 from current");
    }

    private double[] fromCurrent(String spec) {
        return registry.create(spec)
                .weights(ClassScores.ofTpr(CIFAR10_TPR), new ClassWeights(CURRENT))
                .values();
    }

    @Test
    void confusion() {
        // M=[[50,2,3,0],[1,45,4,11],[5,6,40,9],[0,12,8,30]];n=len(M)
        // q=[(sum(M[c])-M[c][c]+sum(r[c] for r in M)-M[c][c])/(2*max(sum(M[c]),1)) for c in
        // range(n)]
        //   = [0.1, 0.29508196721311475, 0.2916666666666667, 0.4];w=[1+x for x in q]
        double[] expected = {
            0.8649926144756279, 1.0183966697999194, 1.015711024573654, 1.100899691150799
        };
        assertWeights(
                expected, weights(registry, "confusion", matrix(MATRIX)), TOLERANCE, "confusion");
    }

    @Test
    void confusionWithGamma3() {
        // same M and q; w=[(1+x)**3 for x in q]
        double[] expected = {
            0.6336450748892534, 1.0340934253896645, 1.0259338622333956, 1.3063276374876862
        };
        assertWeights(
                expected,
                weights(registry, "confusion:gamma=3", matrix(MATRIX)),
                TOLERANCE,
                "confusion:gamma=3");
    }

    @Test
    void meanRatioByF1() {
        // same M; r=[M[c][c]/sum(M[c]) for c in range(n)];p=[M[c][c]/sum(x[c] for x in M) for c in
        // range(n)]
        // f=[2*a*b/(a+b) for a,b in zip(p,r)];m=sum(f)/n;w=[m/x for x in f]
        double[] expected = {
            0.7908564643016178, 0.9974766216416802, 1.024194745435654, 1.1874721686210479
        };
        assertWeights(
                expected,
                weights(registry, "mean-ratio:metric=f1", matrix(MATRIX)),
                TOLERANCE,
                "f1");
    }

    @Test
    void shiftedPowerByPrecision() {
        // same M; p=[M[c][c]/sum(x[c] for x in M) for c in range(n)];w=[(2-x)**4 for x in p]
        double[] expected = {
            0.5517677905417735, 1.073900318666272, 0.963569616002579, 1.4107622747893755
        };
        assertWeights(
                expected,
                weights(registry, "shifted-power:metric=precision", matrix(MATRIX)),
                TOLERANCE,
                "precision");
    }
}
