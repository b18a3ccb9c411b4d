/** The data page: which dataset a run trains on, what it feeds the model, its preview and checks. */
package org.layerlab.app.data;
