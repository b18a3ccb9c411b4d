package org.layerlab.runtime.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A network of layer blocks wired as a directed acyclic graph: each node reads the outputs of the nodes feeding its input ports,
 * and the block outputs one node's output. A chain is the graph where each node reads the one before it.
 *
 * <p>Nodes run in topological order. Each gets a fresh {@link NDList} of its inputs, in port order, because some DJL blocks (the
 * recurrent ones) append their initial states to the list they are given. The shapes each node is initialized with come from the
 * analyzer, which has checked them, so no node depends on how faithfully another reports its output shape.
 */
final class GraphBlock extends AbstractBlock {

  /**
   * One layer of the graph.
   *
   * @param layer the layer's index in the model's list
   * @param inputs the list indices of the layers feeding its ports, in port order; empty for the model's input
   * @param sampleShape the layer's output for one sample, without the batch dimension, as the analyzer found it
   */
  record Node(int layer, Block block, int[] inputs, long[] sampleShape) {}

  private final List<Node> nodes;
  private final int size;
  private final int output;
  private final long[] outputSample;

  /**
   * @param nodes every layer in topological order; the first reads the model's input
   * @param size the number of layers in the model's list
   * @param output the list index of the layer whose output the block returns
   */
  GraphBlock(List<Node> nodes, int size, int output) {
    this.nodes = List.copyOf(nodes);
    this.size = size;
    this.output = output;
    long[] out = null;
    for (Node node : this.nodes) {
      addChildBlock(String.valueOf(node.layer), node.block);
      if (node.layer == output) {
        out = node.sampleShape;
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("the output layer " + output + " is not a node of the graph");
    }
    this.outputSample = out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long batch = inputShapes[0].get(0);
    Shape[] outputs = new Shape[size];
    for (Node node : nodes) {
      Shape[] in = node.inputs.length == 0 ? inputShapes : new Shape[node.inputs.length];
      for (int port = 0; port < node.inputs.length; port++) {
        in[port] = outputs[node.inputs[port]];
      }
      node.block.initialize(manager, dataType, in);
      outputs[node.layer] = withBatch(batch, node.sampleShape);
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray[] outputs = new NDArray[size];
    for (Node node : nodes) {
      NDList in = new NDList(Math.max(1, node.inputs.length));
      if (node.inputs.length == 0) {
        in.add(inputs.head());
      }
      for (int from : node.inputs) {
        in.add(outputs[from]);
      }
      outputs[node.layer] = node.block.forward(store, in, training, params).head();
    }
    return new NDList(outputs[output]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {withBatch(inputShapes[0].get(0), outputSample)};
  }

  private static Shape withBatch(long batch, long[] sample) {
    long[] dims = new long[sample.length + 1];
    dims[0] = batch;
    System.arraycopy(sample, 0, dims, 1, sample.length);
    return new Shape(dims);
  }
}
