/**
 * The decision boundary of a classifier on a two-dimensional dataset, as TensorFlow Playground shows it:
 * {@link org.layerlab.charts.boundary.DecisionBoundaryView} draws a {@link org.layerlab.charts.boundary.DecisionField} of class
 * probabilities with the training points on top, and redraws whenever a training thread hands it a new field.
 */
package org.layerlab.charts.boundary;
