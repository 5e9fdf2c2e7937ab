/**
 * The training benchmark behind {@code learnability bench}: Learnability's own pipeline (data set,
 * splits, batch source, {@code ModelTrainer}, {@code Scorer}) timed from the outside, with results
 * in the JSON form of {@code bench/pytorch_reference.py}, the plain-PyTorch yardstick.
 */
package org.learnability.experiments.bench;
