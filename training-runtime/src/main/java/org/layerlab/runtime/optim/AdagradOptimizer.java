package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adagrad, as PyTorch's {@code torch.optim.Adagrad} without learning-rate decay: each weight's step shrinks with the sum of its
 * squared gradients so far, {@code s += g²}, {@code w -= lr g / (√s + ε)} (Duchi, Hazan and Singer, "Adaptive subgradient methods
 * for online learning and stochastic optimization", JMLR 2011). Rarely-updated weights keep large steps; the steps of all weights
 * only ever shrink.
 */
public final class AdagradOptimizer extends LayerlabOptimizer {

  private final float epsilon;

  private AdagradOptimizer(Builder builder) {
    super(builder);
    this.epsilon = builder.epsilon;
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("Adagrad's epsilon must be above 0, got " + epsilon);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void apply(String parameterId, NDArray weight, NDArray grad, float rate, int t) {
    NDArray g = withWeightDecay(weight, grad);
    NDArray sum = state("sum", parameterId, weight);
    sum.addi(g.square());
    weight.subi(g.div(sum.sqrt().addi(epsilon)).muli(rate));
  }

  /** Builds an {@link AdagradOptimizer}; PyTorch's default ε = 1e-10. */
  public static final class Builder extends LayerlabOptimizer.Builder<Builder> {
    private float epsilon = 1e-10f;

    public Builder optEpsilon(float epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public AdagradOptimizer build() {
      return new AdagradOptimizer(this);
    }
  }
}
