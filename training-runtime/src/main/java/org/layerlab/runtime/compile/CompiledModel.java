package org.layerlab.runtime.compile;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.layerlab.model.analysis.ModelAnalysis;

/**
 * A model spec compiled to DJL.
 *
 * @param block the whole network: the blocks of {@code layerBlocks} wired as the model's graph, run in topological order; not yet
 *     initialized
 * @param layerBlocks one block per layer of the spec, in spec order: an identity block for the Input (and for a trailing Softmax
 *     left out of a training block), a small {@link SequentialBlock} for a layer with an {@code activation} setting or a recurrent
 *     layer that outputs its last state
 * @param analysis what {@link org.layerlab.model.analysis.ModelAnalyzer} found: shapes and parameter counts per layer
 * @param trailingSoftmaxOmitted true when the spec ends in a softmax that this block leaves out, so that it outputs logits
 */
public record CompiledModel(
    Block block, List<Block> layerBlocks, ModelAnalysis analysis, BlockCompiler.Purpose purpose, boolean trailingSoftmaxOmitted) {

  public CompiledModel {
    layerBlocks = List.copyOf(layerBlocks);
  }
}
