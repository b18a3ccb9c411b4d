/** Keyboard shortcuts: the keys, the actions they run, and the cheat sheet that lists them. */
package org.layerlab.app.shortcuts;
