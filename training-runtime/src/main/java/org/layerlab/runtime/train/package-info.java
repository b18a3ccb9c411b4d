/**
 * Training a project's model: {@link org.layerlab.runtime.train.TrainingRun} trains on the caller's thread with events, pause,
 * single step, stop, checkpoints, resume and transfer learning; {@link org.layerlab.runtime.train.Predictor} classifies with a
 * trained run's model. The benchmark of {@code layerlab bench} is in {@code bench}.
 */
package org.layerlab.runtime.train;
