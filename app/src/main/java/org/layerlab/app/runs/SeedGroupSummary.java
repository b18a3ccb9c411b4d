package org.layerlab.app.runs;

import java.util.List;

/**
 * A seed group among the compared runs: the same configuration trained with several seeds, and the spread of the compared metric's
 * final value over them.
 *
 * @param runIds the group's runs among the selected ones, in selection order
 * @param colorIndex the colour of its mean curve and band
 * @param mean the mean final value, NaN when no run has one
 * @param sd the sample standard deviation, NaN for fewer than two values
 * @param text the mean ± sd in words
 */
public record SeedGroupSummary(String groupId, String name, List<String> runIds, int colorIndex, int n, double mean, double sd, String text) {

  public SeedGroupSummary {
    runIds = List.copyOf(runIds);
  }
}
