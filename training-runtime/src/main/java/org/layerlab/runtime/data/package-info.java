/**
 * Datasets for training: an in-memory {@link org.layerlab.runtime.data.Dataset} (one flat {@code float[]} of features and an
 * {@code int[]} of labels, or {@code float[]} targets for regression), the readers ({@link org.layerlab.runtime.data.IdxReader} for
 * MNIST, Fashion-MNIST and KMNIST, {@link org.layerlab.runtime.data.CifarReader}, {@link org.layerlab.runtime.data.CsvReader},
 * {@link org.layerlab.runtime.data.ImageFolderReader}, {@link org.layerlab.runtime.data.DjlDatasets}), the seeded generators
 * ({@link org.layerlab.runtime.data.SpiralGenerator}, {@link org.layerlab.runtime.data.SyntheticGenerator}), and the loader that turns
 * a project's {@link org.layerlab.model.project.DatasetRef} into training, validation and test sets: stratified seeded splits,
 * normalisation fitted to the training split ({@link org.layerlab.runtime.data.FeatureScaling}) and augmentation of training images
 * ({@link org.layerlab.runtime.data.ImageAugmenter}). Every reader's errors name the file, the line or record, and the fix.
 */
package org.layerlab.runtime.data;
