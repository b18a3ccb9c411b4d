/**
 * How a network learns: optimizers ({@link org.layerlab.runtime.optim.SgdOptimizer}, {@link org.layerlab.runtime.optim.AdamOptimizer},
 * {@link org.layerlab.runtime.optim.AdagradOptimizer}, {@link org.layerlab.runtime.optim.RmsPropOptimizer},
 * {@link org.layerlab.runtime.optim.AdadeltaOptimizer}), gradient clipping, learning-rate schedules and losses.
 *
 * <p>The optimizers are DJL {@link ai.djl.training.optimizer.Optimizer}s written with NDArray operations, so they run on any engine
 * (DJL's PyTorch engine implements only its own SGD and Adam natively) and keep their state where a checkpoint can read it. Their
 * update rules are PyTorch's, so that a model trained here and one trained in PyTorch with the same settings move alike. Schedules
 * are plain Java ({@link org.layerlab.runtime.optim.LearningRateSchedule}), adapted to DJL through
 * {@link org.layerlab.runtime.optim.ScheduleTracker}.
 */
package org.layerlab.runtime.optim;
