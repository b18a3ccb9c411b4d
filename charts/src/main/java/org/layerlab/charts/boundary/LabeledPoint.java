package org.layerlab.charts.boundary;

/**
 * A training point of a two-dimensional dataset.
 *
 * @param x first feature
 * @param y second feature
 * @param label class index, from 0
 */
public record LabeledPoint(double x, double y, int label) {}
