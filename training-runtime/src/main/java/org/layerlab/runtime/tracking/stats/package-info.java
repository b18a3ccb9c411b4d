/**
 * The statistics run comparison needs, written out so that Layerlab carries no statistics library: the mean and spread of a sample,
 * Student's t distribution (through the regularized incomplete beta function) and the two t-tests that compare repeated runs,
 * Welch's for independent groups and the paired test for groups trained on the same seeds.
 */
package org.layerlab.runtime.tracking.stats;
