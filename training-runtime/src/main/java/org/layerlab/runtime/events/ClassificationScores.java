package org.layerlab.runtime.events;

/**
 * How well a classifier did on a set of samples. The macro averages give every class the same weight, however many samples it has;
 * a class that is never predicted has precision 0, one that never occurs has recall 0 (as scikit-learn's {@code zero_division=0}).
 *
 * @param loss the mean loss per sample
 * @param accuracy share of samples whose highest score is their class
 * @param topKAccuracy share of samples whose class is among their {@code k} highest scores
 * @param k 5, or the number of classes when there are fewer
 */
public record ClassificationScores(
    int samples, double loss, double accuracy, double topKAccuracy, int k, double macroPrecision, double macroRecall, double macroF1) {}
