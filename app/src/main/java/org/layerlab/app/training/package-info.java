/**
 * Training from the window: the training settings form, the Train and Stop commands, coalesced progress, and the live loss and
 * accuracy curves. {@link org.layerlab.app.training.TrainingViewModel} runs a {@link org.layerlab.app.training.TrainingJob} through
 * the {@link org.layerlab.app.concurrent.TaskExecutor}; the job's listener feeds the curves straight from the training thread.
 */
package org.layerlab.app.training;
