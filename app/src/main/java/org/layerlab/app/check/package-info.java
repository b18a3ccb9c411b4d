/**
 * "Check before training": runs the runtime's {@link org.layerlab.runtime.check.PreTrainingCheck} on the project as it would train,
 * in the background with progress and cancel, and shows its findings as a list marked ok, warning or error with what to do.
 */
package org.layerlab.app.check;
