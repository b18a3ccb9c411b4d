/**
 * Checkpoints of a run on disk: after every epoch the last one, and the best one by the watched metric, each the model's parameters
 * named by layer, the optimizer's state and what the run had learnt about itself, so that a stopped or interrupted run can resume and
 * a finished one can be used for prediction or transfer learning. Engine-free: tensors here are shapes and float arrays.
 */
package org.layerlab.runtime.checkpoint;
