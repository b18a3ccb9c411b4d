package org.layerlab.runtime.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.layerlab.runtime.events.EpochMetrics;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.StepMetrics;
import org.layerlab.runtime.events.TrainingListener;

/** Keeps every event and notes, as they arrive, each way the order breaks the listener contract. */
class RecordingListener implements TrainingListener {

  final List<RunStarted> started = Collections.synchronizedList(new ArrayList<>());
  final List<StepMetrics> steps = Collections.synchronizedList(new ArrayList<>());
  final List<EpochMetrics> epochs = Collections.synchronizedList(new ArrayList<>());
  final List<RunEnded> ended = Collections.synchronizedList(new ArrayList<>());
  final List<String> violations = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void onRunStarted(RunStarted e) {
    if (!started.isEmpty() || !steps.isEmpty() || !ended.isEmpty()) {
      violations.add("onRunStarted after other events");
    }
    started.add(e);
  }

  @Override
  public void onStep(StepMetrics m) {
    if (started.isEmpty() || !ended.isEmpty()) {
      violations.add("onStep " + m.step() + " outside the run");
    }
    long expected = steps.size() + 1;
    if (m.step() != expected) {
      violations.add("step " + m.step() + " where " + expected + " was due");
    }
    if (!started.isEmpty()) {
      int perEpoch = started.get(0).batchesPerEpoch();
      int epoch = (int) ((m.step() - 1) / perEpoch) + 1;
      int batch = (int) ((m.step() - 1) % perEpoch) + 1;
      if (m.epoch() != epoch || m.batch() != batch || m.batchesPerEpoch() != perEpoch) {
        violations.add("step " + m.step() + " says epoch " + m.epoch() + " batch " + m.batch() + ", expected " + epoch + "/" + batch);
      }
      if (epochs.size() != epoch - 1) {
        violations.add("step " + m.step() + " of epoch " + epoch + " after " + epochs.size() + " epoch events");
      }
    }
    steps.add(m);
  }

  @Override
  public void onEpoch(EpochMetrics m) {
    if (started.isEmpty() || !ended.isEmpty()) {
      violations.add("onEpoch " + m.epoch() + " outside the run");
    }
    if (m.epoch() != epochs.size() + 1) {
      violations.add("epoch " + m.epoch() + " where " + (epochs.size() + 1) + " was due");
    }
    if (!started.isEmpty() && steps.size() != (long) m.epoch() * started.get(0).batchesPerEpoch()) {
      violations.add("epoch " + m.epoch() + " ended after " + steps.size() + " steps");
    }
    if (m.step() != steps.size()) {
      violations.add("epoch " + m.epoch() + " says step " + m.step() + " but " + steps.size() + " steps arrived");
    }
    epochs.add(m);
  }

  @Override
  public void onRunEnded(RunEnded e) {
    if (!ended.isEmpty()) {
      violations.add("onRunEnded more than once");
    }
    ended.add(e);
  }

  List<Double> losses() {
    synchronized (steps) {
      return steps.stream().map(StepMetrics::loss).toList();
    }
  }
}
