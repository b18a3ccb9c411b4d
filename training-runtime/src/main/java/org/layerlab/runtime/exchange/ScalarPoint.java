package org.layerlab.runtime.exchange;

/**
 * One scalar of a TensorBoard event file, as the file stores it.
 *
 * @param wallTimeSeconds seconds since the Unix epoch, a {@code double} in the file
 * @param value a {@code float} in files with {@code simple_value}; a tensor's {@code float} or {@code double}
 */
public record ScalarPoint(long step, double wallTimeSeconds, double value) {}
