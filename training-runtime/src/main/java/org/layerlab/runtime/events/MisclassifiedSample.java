package org.layerlab.runtime.events;

/**
 * One of the samples the model gets most wrong: the highest losses of the set.
 *
 * @param sample the sample's index in the evaluated set (the test files' order)
 * @param trueProbability the softmax probability the model gives the true class
 * @param predictedProbability the probability of the class it chose
 */
public record MisclassifiedSample(
    int sample, int trueClass, int predictedClass, double trueProbability, double predictedProbability, double loss) {}
