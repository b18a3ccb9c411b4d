/**
 * Datasets for training: an in-memory {@link org.layerlab.runtime.data.Dataset} (one flat {@code float[]} of features and an
 * {@code int[]} of labels), readers for IDX image files and the seeded spiral, and the loader that turns a project's
 * {@link org.layerlab.model.project.DatasetRef} into training, validation and test sets.
 */
package org.layerlab.runtime.data;
