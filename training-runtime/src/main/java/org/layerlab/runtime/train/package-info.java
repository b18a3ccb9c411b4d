/** Training a project's model on a background thread, with events, stop, and a recorded run. */
package org.layerlab.runtime.train;
