package org.layerlab.runtime.events;

/**
 * A resumed run has put back its last checkpoint: it continues after epoch {@code epoch}, step {@code step}; its next
 * {@link StepMetrics} is step {@code step + 1}. Sent right after {@link RunStarted}.
 */
public record RunRestored(int epoch, long step, String checkpoint, long wallTimeMillis) {}
