package org.layerlab.app.runs;

/**
 * The epoch curves of one run as the comparison charts draw them.
 *
 * @param colorIndex the run's colour in both charts
 * @param validationAccuracy in percent, against the epoch
 * @param validationLoss against the epoch
 */
public record RunCurves(String runId, String name, int colorIndex, Curve validationAccuracy, Curve validationLoss) {}
