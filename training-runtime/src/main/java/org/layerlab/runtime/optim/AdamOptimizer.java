package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Adam, and AdamW when the weight decay is decoupled, as PyTorch's {@code torch.optim.Adam} and {@code torch.optim.AdamW}.
 *
 * <p>Adam keeps running averages of the gradient {@code m = β1 m + (1 - β1) g} and of its square {@code v = β2 v + (1 - β2) g²},
 * corrects their bias towards zero and steps {@code w -= lr m̂ / (√v̂ + ε)} with {@code m̂ = m / (1 - β1^t)}, {@code v̂ = v / (1 - β2^t)}
 * (Kingma and Ba, "Adam: a method for stochastic optimization", ICLR 2015). Adam's weight decay is L2: {@code g = ∇ + λ w}, which the
 * adaptive scaling then weakens for weights with large gradients. AdamW decays the weights directly, {@code w -= lr λ w}, before the
 * Adam step (Loshchilov and Hutter, "Decoupled weight decay regularization", ICLR 2019).
 *
 * <p>On PyTorch the update is one call of the engine's fused Adam kernel, which DJL's own Adam uses. That kernel applies the bias
 * correction to the learning rate and adds epsilon to {@code √v} uncorrected; it is given {@code ε √(1 - β2^t)} as its epsilon, which
 * makes its step exactly PyTorch's. {@link Builder#optFused(boolean) optFused(false)} makes the same step with NDArray operations.
 */
public final class AdamOptimizer extends LayerlabOptimizer {

  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final boolean decoupled;
  private final boolean fused;

  private AdamOptimizer(Builder builder) {
    super(builder);
    this.beta1 = builder.beta1;
    this.beta2 = builder.beta2;
    this.epsilon = builder.epsilon;
    this.decoupled = builder.decoupled;
    this.fused = builder.fused;
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("Adam's betas must be from 0 to below 1, got " + beta1 + " and " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("Adam's epsilon must be above 0, got " + epsilon);
    }
  }

  /** Adam with L2 weight decay. */
  public static Builder builder() {
    return new Builder(false);
  }

  /** AdamW: Adam with decoupled weight decay. PyTorch's default decay for AdamW is 0.01; here it is what the builder is given. */
  public static Builder adamWBuilder() {
    return new Builder(true);
  }

  @Override
  protected void apply(String parameterId, NDArray weight, NDArray grad, float rate, int t) {
    double correction1 = 1 - Math.pow(beta1, t);
    double correction2 = 1 - Math.pow(beta2, t);
    NDArray m = state("mean", parameterId, weight);
    NDArray v = state("variance", parameterId, weight);
    if (fused
        && weight instanceof PtNDArray w
        && grad instanceof PtNDArray g
        && m instanceof PtNDArray mean
        && v instanceof PtNDArray variance) {
      float rateCorrected = (float) (rate * Math.sqrt(correction2) / correction1);
      float epsilonHat = (float) (epsilon * Math.sqrt(correction2));
      JniUtils.adamUpdate(w, g, mean, variance, rate, rateCorrected, weightDecay(), 1f, -1f, beta1, beta2, epsilonHat, decoupled);
      return;
    }
    NDArray g;
    if (decoupled) {
      if (weightDecay() != 0) {
        weight.muli(1 - rate * weightDecay());
      }
      g = grad;
    } else {
      g = withWeightDecay(weight, grad);
    }
    m.muli(beta1).addi(g.mul(1 - beta1));
    v.muli(beta2).addi(g.square().muli(1 - beta2));
    NDArray denominator = v.sqrt().divi((float) Math.sqrt(correction2)).addi(epsilon);
    weight.subi(m.div(denominator).muli((float) (rate / correction1)));
  }

  /** Builds an {@link AdamOptimizer}; PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
  public static final class Builder extends LayerlabOptimizer.Builder<Builder> {
    private final boolean decoupled;
    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-8f;
    private boolean fused = true;

    private Builder(boolean decoupled) {
      this.decoupled = decoupled;
    }

    public Builder optBeta1(float beta1) {
      this.beta1 = beta1;
      return this;
    }

    public Builder optBeta2(float beta2) {
      this.beta2 = beta2;
      return this;
    }

    public Builder optEpsilon(float epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /** Whether to use PyTorch's fused kernel when the arrays are PyTorch's (the default), or NDArray operations always. */
    public Builder optFused(boolean fused) {
      this.fused = fused;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public AdamOptimizer build() {
      return new AdamOptimizer(this);
    }
  }
}
