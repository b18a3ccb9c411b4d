/**
 * "Check before training": quick tests that catch the usual reasons a run goes wrong before it has wasted any time. Each gives a
 * {@link org.layerlab.runtime.check.Finding} marked ok, warning or error with what to do: the model's shapes against the data
 * ({@link org.layerlab.model.analysis.ModelAnalyzer}), an attempt to overfit one batch ({@link org.layerlab.runtime.check.OverfitOneBatch}:
 * a model that cannot learn a single batch by heart has a bug), the class balance ({@link org.layerlab.runtime.check.ClassBalance})
 * and samples that are in both the training and the validation or test split ({@link org.layerlab.runtime.check.OverlapDetector}).
 * {@link org.layerlab.runtime.check.PreTrainingCheck} runs them all. No JavaFX here.
 */
package org.layerlab.runtime.check;
