package org.layerlab.runtime.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Default run names: the project name and the local start time, such as {@code Spiral 2026-11-29 14:03:12}. */
public final class RunNames {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private RunNames() {}

  public static String forProject(String projectName) {
    return projectName + " " + LocalDateTime.now().format(FORMAT);
  }
}
