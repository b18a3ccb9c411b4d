/** The user's workspace folder (by default {@code ~/.layerlab}): where the run store and run artifacts live, never the repository. */
package org.layerlab.runtime.workspace;
