/**
 * Turns a {@link org.layerlab.model.ModelSpec} into one DJL block that runs the model's graph, one child block per layer, after
 * {@link org.layerlab.model.analysis.ModelAnalyzer} has found the model valid. The only package besides {@code train} that sees DJL
 * network types.
 */
package org.layerlab.runtime.compile;
