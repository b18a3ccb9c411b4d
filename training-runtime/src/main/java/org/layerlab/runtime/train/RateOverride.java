package org.layerlab.runtime.train;

import java.util.concurrent.atomic.AtomicReference;
import org.layerlab.runtime.optim.LearningRateSchedule;

/**
 * The learning rate a user set by hand during a run, over the settings' schedule.
 *
 * <p>A change is asked for from any thread ({@link #request}) and taken up by the training thread between batches
 * ({@link #applyPending}), so the next step is the first to train at the new rate and its reported rate is the rate it used. From then
 * on the schedule keeps its shape at a new scale: every later rate is the schedule's rate times {@code new / old}, so a decaying
 * schedule goes on decaying from the new rate, and a constant one stays at it. Where the schedule's own rate is 0 at the change (the
 * end of a cosine to 0), no scale exists and the run trains at the new rate from then on. The change is not saved in checkpoints: a
 * resumed run trains at its settings' schedule.
 */
final class RateOverride implements LearningRateSchedule {

  private final AtomicReference<Double> pending = new AtomicReference<>();
  private LearningRateSchedule base = LearningRateSchedule.constant(0);
  // Read by the optimizer and written between batches, both on the training thread; volatile for readers such as tests.
  private volatile double factor = 1;
  private volatile double fixed = Double.NaN;

  /** Puts this override over the run's schedule; the training thread does it once, before the first batch. */
  LearningRateSchedule over(LearningRateSchedule schedule) {
    this.base = schedule;
    return this;
  }

  /**
   * Asks for {@code rate} from the next batch on. A later request before that batch replaces an earlier one. Any thread.
   *
   * @throws IllegalArgumentException when the rate is not a finite number above 0
   */
  void request(double rate) {
    if (!Double.isFinite(rate) || rate <= 0) {
      throw new IllegalArgumentException("The learning rate must be a number above 0, got " + rate + ".");
    }
    pending.set(rate);
  }

  /**
   * Applies a pending request before update {@code update} (from 0, the update of step {@code update + 1}); training thread.
   *
   * @return the old and the new rate of that update, or {@code null} when nothing was asked for
   */
  double[] applyPending(long update) {
    Double wanted = pending.getAndSet(null);
    if (wanted == null) {
      return null;
    }
    double old = rate(update);
    double scheduled = base.rate(update);
    if (scheduled > 0 && Double.isFinite(scheduled)) {
      factor = wanted / scheduled;
      fixed = Double.NaN;
    } else {
      fixed = wanted;
    }
    return new double[] {old, wanted};
  }

  @Override
  public double rate(long step) {
    double f = fixed;
    return Double.isNaN(f) ? base.rate(step) * factor : f;
  }

  @Override
  public void epochEnded(int epoch, double monitored) {
    base.epochEnded(epoch, monitored);
  }

  @Override
  public double[] state() {
    return base.state();
  }

  @Override
  public void restore(double[] state) {
    base.restore(state);
  }
}
