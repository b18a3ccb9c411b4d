package org.layerlab.app.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weight and gradient histograms of a run, kept per parameter ("dense1 · weight · weights"), and forwarded as they arrive to
 * the sink of the parameter the user chose. Choosing another replays its histograms so far. Any thread: the training thread adds,
 * the UI thread chooses.
 */
final class HistogramFeed {

  /** One histogram of one parameter. */
  record Entry(long step, double[] edges, double[] counts) {}

  private final Map<String, List<Entry>> byKey = new LinkedHashMap<>();
  private String selected;
  private HistogramSink target = HistogramSink.NONE;

  /** Adds a histogram; returns whether its parameter is new. */
  boolean add(String key, Entry entry) {
    HistogramSink t = null;
    boolean fresh;
    synchronized (this) {
      List<Entry> list = byKey.get(key);
      fresh = list == null;
      if (fresh) {
        list = new ArrayList<>();
        byKey.put(key, list);
      }
      list.add(entry);
      if (key.equals(selected)) {
        t = target;
      }
    }
    if (t != null) {
      t.add(entry.step(), entry.edges(), entry.counts());
    }
    return fresh;
  }

  /** Shows {@code key}'s histograms in {@code sink}, those so far and every later one. */
  synchronized void select(String key, HistogramSink sink) {
    sink.clear();
    for (Entry e : byKey.getOrDefault(key, List.of())) {
      sink.add(e.step(), e.edges(), e.counts());
    }
    selected = key;
    target = sink;
  }

  synchronized String selected() {
    return selected;
  }

  synchronized int count(String key) {
    return byKey.getOrDefault(key, List.of()).size();
  }

  synchronized void clear() {
    byKey.clear();
    target.clear();
  }
}
