/**
 * Measuring a classifier: confusion matrices and the scores read from them (accuracy, top-k accuracy, per-class and macro
 * precision, recall and F1), histograms of values, and the samples a model gets most wrong. Plain Java over arrays the training loop
 * already has in memory, so measuring costs no engine calls.
 */
package org.layerlab.runtime.metrics;
