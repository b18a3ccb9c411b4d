package org.layerlab.runtime.events;

/**
 * What the optimizer did in one training batch; sent right after the batch's {@link StepMetrics}.
 *
 * @param step the same step as the {@link StepMetrics} it follows
 * @param learningRate the schedule's rate for this step (the head's rate when the body of a transferred model learns slower)
 * @param gradientNorm the Euclidean norm of all the step's gradients together, before any clipping
 * @param gradientClipped whether the gradients were scaled down to the settings' gradient clip norm
 */
public record StepDetails(
    long step, int epoch, int batch, double learningRate, double gradientNorm, boolean gradientClipped, long wallTimeMillis) {}
