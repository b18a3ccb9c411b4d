/**
 * What a training run tells the rest of Layerlab: a small listener interface and plain event records. No engine type appears here,
 * so the app and the charts never see DJL.
 */
package org.layerlab.runtime.events;
