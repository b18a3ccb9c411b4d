/**
 * The run monitor's panes, each drawing part of a {@link org.layerlab.app.training.TrainingViewModel} with a component of the
 * charts module: live curves, the validation confusion matrix with its samples, the decision boundary of 2-D data, and the weight
 * and gradient histograms.
 */
package org.layerlab.app.training.monitor;
