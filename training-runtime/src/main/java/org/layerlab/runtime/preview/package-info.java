/**
 * What a dataset looks like before anything trains on it, for the data page: a few samples of each class (images, table rows,
 * points or sequences), how many samples each class has, and how the validation and test splits divide them
 * ({@link org.layerlab.runtime.preview.SplitCounts}, by the same rule as {@link org.layerlab.runtime.data.StratifiedSplit}). Work
 * that may take long reports to a {@link org.layerlab.runtime.preview.Progress} and stops when it is cancelled. No JavaFX here: the
 * app turns these records into charts.
 */
package org.layerlab.runtime.preview;
