/** Well-known networks (LeNet-5, the Keras CIFAR-10 CNN, VGG- and ResNet-style networks, sequence classifiers) to start from. */
package org.layerlab.model.template;
