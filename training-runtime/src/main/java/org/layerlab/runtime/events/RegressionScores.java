package org.layerlab.runtime.events;

/**
 * How well a regression model did on a set of samples. With several targets the errors are over every target value, and R-squared
 * is the mean of each target's R-squared (scikit-learn's {@code uniform_average}).
 *
 * @param loss the mean loss per sample
 * @param meanAbsoluteError mean of |prediction - target|
 * @param rootMeanSquaredError square root of the mean of (prediction - target)²
 * @param rSquared the coefficient of determination, 1 - residual sum of squares / total sum of squares about the set's mean: 1 is a
 *     perfect fit, 0 is no better than always predicting the mean, and it is negative for a worse model. NaN when a target does not
 *     vary in the set.
 */
public record RegressionScores(int samples, double loss, double meanAbsoluteError, double rootMeanSquaredError, double rSquared) {}
