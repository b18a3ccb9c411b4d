/** The training page: the settings a run trains with (optimizer, schedule, loss, epochs, batch size, seed, early stopping, threads). */
package org.layerlab.app.setup;
