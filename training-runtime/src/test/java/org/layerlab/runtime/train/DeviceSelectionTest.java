package org.layerlab.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.model.project.TrainingSettings.DeviceChoice;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStarted;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.TrainingListener;
import org.layerlab.runtime.tracking.Provenance;

/** A GPU when the engine finds one and the settings allow it, the CPU otherwise; a GPU asked for on a machine without one is refused. */
class DeviceSelectionTest {

  private static final Path SPIRAL = Path.of("..", "sample-projects", "spiral");

  @Test
  void autoTakesTheFirstGpuWhenThereIsOneAndTheCpuOtherwise() {
    assertEquals(Device.cpu(), DeviceSelection.choose(DeviceChoice.AUTO, 0));
    assertEquals(Device.gpu(0), DeviceSelection.choose(DeviceChoice.AUTO, 1));
    assertEquals(Device.gpu(0), DeviceSelection.choose(DeviceChoice.AUTO, 4));
  }

  @Test
  void cpuIsTheCpuEvenWithAGpu() {
    assertEquals(Device.cpu(), DeviceSelection.choose(DeviceChoice.CPU, 2));
    assertEquals(Device.cpu(), DeviceSelection.choose(DeviceChoice.CPU, 0));
  }

  @Test
  void gpuNeedsOne() {
    assertEquals(Device.gpu(0), DeviceSelection.choose(DeviceChoice.GPU, 1));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DeviceSelection.choose(DeviceChoice.GPU, 0));
    assertTrue(e.getMessage().contains("finds none") && e.getMessage().contains("set device to auto or cpu"), e.getMessage());
  }

  private static Project spiral(DeviceChoice device) throws Exception {
    Project p = ProjectFiles.read(SPIRAL);
    return p.withTraining(p.training().withEpochs(1).withDevice(device));
  }

  /** On this machine: the engine's real GPU count decides, and the run and its provenance name the device. */
  @Test
  void aRunReportsTheDeviceItTrainsOn() throws Exception {
    List<RunStarted> started = new ArrayList<>();
    Project p = spiral(DeviceChoice.AUTO);
    RunEnded end =
        new TrainingRun(
                new TrainingRequest(p, SPIRAL, "device", null),
                new TrainingListener() {
                  @Override
                  public void onRunStarted(RunStarted e) {
                    started.add(e);
                  }
                })
            .call();
    assertEquals(RunStatus.FINISHED, end.status(), end.message());
    String expected = Engine.getInstance().getGpuCount() > 0 ? "gpu(0)" : "cpu()";
    assertEquals(expected, started.get(0).device());
    assertEquals(expected, Provenance.capture(p, SPIRAL).device());
  }

  @Test
  void aGpuRunOnAMachineWithoutOneFailsBeforeItStarts() throws Exception {
    assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
    List<RunStarted> started = new ArrayList<>();
    RunEnded end =
        new TrainingRun(
                new TrainingRequest(spiral(DeviceChoice.GPU), SPIRAL, "gpu", null),
                new TrainingListener() {
                  @Override
                  public void onRunStarted(RunStarted e) {
                    started.add(e);
                  }
                })
            .call();
    assertEquals(RunStatus.FAILED, end.status());
    assertTrue(end.message().contains("ask for a GPU") && end.message().contains("set device to auto or cpu"), end.message());
    assertTrue(started.isEmpty());
  }
}
