package org.layerlab.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.DeviceChoice;
import org.layerlab.runtime.text.LocalizedStateException;
import org.layerlab.runtime.text.RuntimeMessages;

/** Where a run trains: the first GPU when the settings allow it and the engine finds one, else the CPU. */
public final class DeviceSelection {

  private DeviceSelection() {}

  /**
   * The device for {@code choice} on a machine where the engine sees {@code gpus} GPUs.
   *
   * @throws IllegalStateException with a message for the user when a GPU is asked for and there is none
   */
  public static Device choose(DeviceChoice choice, int gpus) {
    return switch (choice) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
      case GPU -> {
        if (gpus < 1) {
          throw new LocalizedStateException(RuntimeMessages.text("run.noGpu"));
        }
        yield Device.gpu(0);
      }
    };
  }

  /** The device for {@code settings} on this machine; starts the engine if it has not started. */
  public static Device choose(TrainingSettings settings) {
    return choose(settings.device(), Engine.getInstance().getGpuCount());
  }

  /** The device for {@code settings} as DJL names it, such as {@code cpu()} or {@code gpu(0)}, or why there is none. */
  public static String describe(TrainingSettings settings) {
    try {
      return choose(settings).toString();
    } catch (IllegalStateException e) {
      return "none: a GPU was asked for and the engine finds none";
    }
  }
}
