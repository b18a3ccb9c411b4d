package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adadelta, as PyTorch's {@code torch.optim.Adadelta}: running averages of squared gradients {@code v = ρ v + (1 - ρ) g²} and
 * of squared steps {@code u = ρ u + (1 - ρ) Δ²} give each weight a step in the units of the weight,
 * {@code Δ = √(u + ε) / √(v + ε) · g}, {@code w -= lr Δ} (Zeiler, "ADADELTA: an adaptive learning rate method", 2012). The learning
 * rate only scales the result; 1.0 is the paper's method.
 */
public final class AdadeltaOptimizer extends LayerlabOptimizer {

  private final float rho;
  private final float epsilon;

  private AdadeltaOptimizer(Builder builder) {
    super(builder);
    this.rho = builder.rho;
    this.epsilon = builder.epsilon;
    if (!(rho >= 0 && rho < 1)) {
      throw new IllegalArgumentException("Adadelta's rho must be from 0 to below 1, got " + rho);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("Adadelta's epsilon must be above 0, got " + epsilon);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void apply(String parameterId, NDArray weight, NDArray grad, float rate, int t) {
    NDArray g = withWeightDecay(weight, grad);
    NDArray v = state("square_average", parameterId, weight);
    NDArray u = state("delta_average", parameterId, weight);
    v.muli(rho).addi(g.square().muli(1 - rho));
    NDArray delta = u.add(epsilon).sqrt().divi(v.add(epsilon).sqrt()).muli(g);
    u.muli(rho).addi(delta.square().muli(1 - rho));
    weight.subi(delta.muli(rate));
  }

  /** Builds an {@link AdadeltaOptimizer}; PyTorch's defaults ρ = 0.9, ε = 1e-6. */
  public static final class Builder extends LayerlabOptimizer.Builder<Builder> {
    private float rho = 0.9f;
    private float epsilon = 1e-6f;

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
    public AdadeltaOptimizer build() {
      return new AdadeltaOptimizer(this);
    }
  }
}
