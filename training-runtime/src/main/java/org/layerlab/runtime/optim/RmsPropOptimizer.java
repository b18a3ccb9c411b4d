package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;

/**
 * RMSProp, as PyTorch's {@code torch.optim.RMSprop} (not centred, no momentum): a running average of squared gradients
 * {@code v = ρ v + (1 - ρ) g²} scales each step, {@code w -= lr g / (√v + ε)} (Tieleman and Hinton, Coursera "Neural networks for
 * machine learning", lecture 6.5, 2012). Unlike Adagrad the average forgets, so steps do not shrink for ever.
 */
public final class RmsPropOptimizer extends LayerlabOptimizer {

  private final float rho;
  private final float epsilon;

  private RmsPropOptimizer(Builder builder) {
    super(builder);
    this.rho = builder.rho;
    this.epsilon = builder.epsilon;
    if (!(rho >= 0 && rho < 1)) {
      throw new IllegalArgumentException("RMSProp's rho must be from 0 to below 1, got " + rho);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("RMSProp's epsilon must be above 0, got " + epsilon);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void apply(String parameterId, NDArray weight, NDArray grad, float rate, int t) {
    NDArray g = withWeightDecay(weight, grad);
    NDArray v = state("square_average", parameterId, weight);
    v.muli(rho).addi(g.square().muli(1 - rho));
    weight.subi(g.div(v.sqrt().addi(epsilon)).muli(rate));
  }

  /** Builds an {@link RmsPropOptimizer}; PyTorch's defaults ρ (its {@code alpha}) = 0.99, ε = 1e-8. */
  public static final class Builder extends LayerlabOptimizer.Builder<Builder> {
    private float rho = 0.99f;
    private float epsilon = 1e-8f;

    public Builder optRho(float rho) {
      this.rho = rho;
      return this;
    }

    public Builder optEpsilon(float epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public RmsPropOptimizer build() {
      return new RmsPropOptimizer(this);
    }
  }
}
