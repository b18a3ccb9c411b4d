package org.layerlab.model.analysis;

/**
 * What a dataset feeds a classifier: the shape of one sample and the number of classes. Analysis checks the model against it.
 */
public record DataSignature(Shape sampleShape, int classes) {}
