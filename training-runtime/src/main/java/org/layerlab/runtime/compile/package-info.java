/**
 * Turns a {@link org.layerlab.model.ModelSpec} into a DJL {@link ai.djl.nn.SequentialBlock}, one block per layer, after
 * {@link org.layerlab.model.analysis.ModelAnalyzer} has found the model valid. The only package besides {@code train} that sees DJL
 * network types.
 */
package org.layerlab.runtime.compile;
