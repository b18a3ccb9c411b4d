/**
 * The training benchmark behind {@code layerlab bench}: the same CNN trained on the same Fashion-MNIST images four ways (a bare
 * hand-written DJL loop, DJL's EasyTrain, the Layerlab runtime, and PyTorch through Debian's {@code python3-torch}), each in a process
 * of its own so that its peak memory is its own. Not a test: it takes minutes and its figures depend on the machine.
 */
package org.layerlab.runtime.train.bench;
