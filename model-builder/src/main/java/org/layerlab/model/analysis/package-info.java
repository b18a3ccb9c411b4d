/**
 * Shape inference, parameter and multiply-accumulate counts, and validation of a model, with messages that name the layer at fault
 * and the fix.
 */
package org.layerlab.model.analysis;
