package org.layerlab.runtime.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.layerlab.model.project.TrainingSettings;
import org.layerlab.model.project.TrainingSettings.DeviceChoice;

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
          throw new IllegalStateException(
              "The training settings ask for a GPU, but the engine finds none on this machine (it needs an NVIDIA GPU with CUDA and"
                  + " DJL's CUDA build of PyTorch): set device to auto or cpu to train on the CPU.");
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
