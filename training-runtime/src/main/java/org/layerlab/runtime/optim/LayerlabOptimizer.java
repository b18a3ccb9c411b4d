package org.layerlab.runtime.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The common part of Layerlab's optimizers: the learning rate per parameter and update, L2 weight decay, the state each rule keeps
 * per parameter (momentum, moment estimates, ...), and the house-keeping around an update.
 *
 * <p>An update runs with PyTorch's grad mode off and inside an {@link NDScope}, so the arrays it makes on the way are freed when it
 * returns; only the state arrays, made with {@link #state}, outlive it. Afterwards it clears the weight's accumulated gradient, because
 * DJL's PyTorch gradient collector does not.
 *
 * <p>The update count {@code t} (from 1) is DJL's: the number of steps so far, the same for all parameters. A run resumed from a
 * checkpoint starts the count where it stopped ({@link Builder#optBeginNumUpdate}) and puts the saved state back with
 * {@link #restoreState}, so Adam's bias correction and every schedule continue as if the run had not stopped.
 */
public abstract class LayerlabOptimizer extends Optimizer {

  private final ParameterTracker learningRate;
  private final float weightDecay;
  /** Per state name, per parameter id, the state array. */
  private final Map<String, Map<String, NDArray>> states = new ConcurrentHashMap<>();

  protected LayerlabOptimizer(Builder<?> builder) {
    super(builder);
    this.learningRate = Objects.requireNonNull(builder.learningRate, "learning rate tracker");
    this.weightDecay = getWeightDecay();
    if (!(weightDecay >= 0 && Float.isFinite(weightDecay))) {
      throw new IllegalArgumentException("weight decay must be 0 or more, got " + weightDecay);
    }
  }

  @Override
  public final void update(String parameterId, NDArray weight, NDArray grad) {
    int t = updateCount(parameterId);
    float rate = learningRate.getNewValue(parameterId, t);
    if (!Float.isFinite(rate) || rate < 0) {
      throw new IllegalStateException("the learning rate of update " + t + " is " + rate + ": it must be finite and 0 or more");
    }
    boolean gradMode = GradMode.off();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      apply(parameterId, weight, grad, rate, t);
    } finally {
      GradMode.restore(gradMode);
    }
    GradMode.zeroGradient(weight);
  }

  /**
   * Changes {@code weight} in place by one step of the rule. Arrays made here are freed afterwards, except state from {@link #state}.
   *
   * @param grad the gradient of the loss for this weight; not to be changed
   * @param rate this parameter's learning rate for this update
   * @param t the update count, from 1
   */
  protected abstract void apply(String parameterId, NDArray weight, NDArray grad, float rate, int t);

  /** The L2 weight decay: {@code grad + weightDecay * weight}, as PyTorch's optimizers add it; {@code grad} itself when it is 0. */
  protected final NDArray withWeightDecay(NDArray weight, NDArray grad) {
    return weightDecay == 0 ? grad : grad.add(weight.mul(weightDecay));
  }

  protected final float weightDecay() {
    return weightDecay;
  }

  /** The state array {@code name} of a parameter, zeros shaped like {@code weight} until an update changes it in place. */
  protected final NDArray state(String name, String parameterId, NDArray weight) {
    Map<String, NDArray> byParameter = states.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
    return byParameter.computeIfAbsent(
        parameterId,
        k -> {
          NDArray zeros = weight.zerosLike(); // in the weight's manager, so it lives as long as the model
          NDScope.unregister(zeros); // and not only as long as this update
          return zeros;
        });
  }

  /** Whether this parameter has had state made, that is whether it has been updated before. */
  protected final boolean hasState(String name, String parameterId) {
    Map<String, NDArray> byParameter = states.get(name);
    return byParameter != null && byParameter.containsKey(parameterId);
  }

  /** The state arrays by parameter id and state name, to save with a checkpoint. The arrays are live: copy them before the next update. */
  public final Map<String, Map<String, NDArray>> stateByParameter() {
    Map<String, Map<String, NDArray>> out = new LinkedHashMap<>();
    states.forEach((name, byParameter) -> byParameter.forEach((id, a) -> out.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(name, a)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Puts saved state back: for each parameter id, its arrays by state name, made in a manager that lives as long as the model. The
   * arrays are taken over. Call before the first update.
   */
  public final void restoreState(Map<String, Map<String, NDArray>> saved) {
    saved.forEach((id, byName) -> byName.forEach((name, a) -> states.computeIfAbsent(name, k -> new ConcurrentHashMap<>()).put(id, a)));
  }

  /**
   * The builder of every Layerlab optimizer: a learning-rate tracker (required), and DJL's weight decay ({@code optWeightDecays})
   * and first update count ({@code optBeginNumUpdate}). DJL's {@code optClipGrad} clips each value from above only; Layerlab clips
   * by global norm instead ({@link Gradients#clipByGlobalNorm}), so it is not used.
   */
  public abstract static class Builder<B extends Builder<B>> extends OptimizerBuilder<B> {
    private ParameterTracker learningRate;

    /** The learning rate for each parameter and update, such as a {@link ScheduleTracker} or a {@link ParameterRates}. */
    public B setLearningRateTracker(ParameterTracker tracker) {
      this.learningRate = tracker;
      return self();
    }

    public abstract LayerlabOptimizer build();
  }
}
