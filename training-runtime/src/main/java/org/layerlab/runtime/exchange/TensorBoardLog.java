package org.layerlab.runtime.exchange;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link TensorBoardReader} found in one or more event files of a run.
 *
 * @param files the event files read, in reading order
 * @param scalars every scalar series by tag, tags sorted, points in file order (a step written twice appears twice)
 * @param hparams the hyperparameters of the hparams plugin's session start, as {@link Double}, {@link String} or {@link Boolean};
 *     empty when the files have none
 * @param firstWallTimeSeconds the earliest wall time of any event, NaN when there are no events
 * @param lastWallTimeSeconds the latest wall time of any event, NaN when there are no events
 */
public record TensorBoardLog(
    List<Path> files,
    Map<String, List<ScalarPoint>> scalars,
    Map<String, Object> hparams,
    double firstWallTimeSeconds,
    double lastWallTimeSeconds) {

  public TensorBoardLog {
    files = List.copyOf(files);
    Map<String, List<ScalarPoint>> sorted = new TreeMap<>();
    scalars.forEach((tag, points) -> sorted.put(tag, List.copyOf(points)));
    scalars = Collections.unmodifiableMap(sorted);
    hparams = Collections.unmodifiableMap(new LinkedHashMap<>(hparams));
  }
}
