package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;

/**
 * Stochastic gradient descent, plain, with momentum, or with Nesterov momentum, as PyTorch's {@code torch.optim.SGD} (no dampening).
 *
 * <p>With weight decay {@code λ} the gradient is {@code g = ∇ + λ w}. With momentum {@code μ > 0} a velocity {@code b} (zero at first)
 * becomes {@code b = μ b + g}, and the step is {@code w -= lr b}, or with Nesterov {@code w -= lr (g + μ b)}: the gradient is in effect
 * taken where the velocity is about to carry the weights (Sutskever et al., "On the importance of initialization and momentum in deep
 * learning", ICML 2013). Without momentum, {@code w -= lr g}.
 *
 * <p>Unlike DJL's own SGD, the learning rate is applied outside the velocity, so a schedule that lowers the rate takes effect at
 * once.
 */
public final class SgdOptimizer extends LayerlabOptimizer {

  private final float momentum;
  private final boolean nesterov;

  private SgdOptimizer(Builder builder) {
    super(builder);
    this.momentum = builder.momentum;
    this.nesterov = builder.nesterov;
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be from 0 to below 1, got " + momentum);
    }
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("Nesterov momentum needs a momentum above 0");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void apply(String parameterId, NDArray weight, NDArray grad, float rate, int t) {
    NDArray g = withWeightDecay(weight, grad);
    if (momentum == 0) {
      weight.subi(g.mul(rate));
      return;
    }
    NDArray velocity = state("velocity", parameterId, weight);
    velocity.muli(momentum).addi(g);
    NDArray direction = nesterov ? g.add(velocity.mul(momentum)) : velocity;
    weight.subi(direction.mul(rate));
  }

  /** Builds an {@link SgdOptimizer}; momentum 0 and no Nesterov unless set. */
  public static final class Builder extends LayerlabOptimizer.Builder<Builder> {
    private float momentum;
    private boolean nesterov;

    public Builder optMomentum(float momentum) {
      this.momentum = momentum;
      return this;
    }

    public Builder optNesterov(boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public SgdOptimizer build() {
      return new SgdOptimizer(this);
    }
  }
}
