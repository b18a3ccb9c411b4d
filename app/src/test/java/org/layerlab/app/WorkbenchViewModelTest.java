package org.layerlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.app.concurrent.SameThreadTaskExecutor;
import org.layerlab.app.i18n.Messages;
import org.layerlab.app.training.TrainingJob;
import org.layerlab.model.ModelSpec;
import org.layerlab.model.layer.LayerType;
import org.layerlab.runtime.events.RunEnded;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.events.StepMetrics;

/** A language switch republishes texts and keeps everything else: the edited model, the dirty marker, a running run. */
class WorkbenchViewModelTest {

  @TempDir Path home;
  private final SameThreadTaskExecutor executor = new SameThreadTaskExecutor();

  @AfterEach
  void english() {
    Messages.setLocale(Locale.ENGLISH);
  }

  @Test
  void switchingToChineseDuringARunKeepsTheModelTheRunAndItsCurves() {
    List<String> seen = new ArrayList<>();
    WorkbenchViewModel[] holder = new WorkbenchViewModel[1];
    AppContext context =
        TestContexts.spiral(
            executor,
            (project, dir, listener) ->
                new TrainingJob() {
                  @Override
                  public RunEnded call() {
                    listener.onStep(new StepMetrics(1, 1, 1, 10, 0.5, 0.4, 1000, 1));
                    // The user switches the language while the run trains.
                    holder[0].settings().languageProperty().set(Locale.SIMPLIFIED_CHINESE);
                    seen.add(holder[0].main().training().isRunning() + " " + holder[0].main().training().statusTextProperty().get());
                    listener.onStep(new StepMetrics(2, 1, 2, 10, 0.4, 0.5, 1000, 2));
                    return new RunEnded("r1", RunStatus.FINISHED, 1, 0.9, "ok", 2);
                  }

                  @Override
                  public void stop() {}
                });
    WorkbenchViewModel vm = new WorkbenchViewModel(context, null, StartupOptions.samplesDir(), home, TestChooser.cancelling());
    holder[0] = vm;
    vm.settings().languageProperty().set(Locale.ENGLISH);
    vm.main().modelEditor().select(1);
    vm.main().modelEditor().addLayer(LayerType.DROPOUT);
    ModelSpec edited = vm.main().modelEditor().getModel();
    MainViewModel main = vm.main();
    assertTrue(vm.main().training().canTrain(), vm.main().training().statusTextProperty().get());

    vm.main().training().train();

    assertEquals(List.of("true 训练中… 点“停止”会在当前批结束后停止。"), seen);
    assertTrue(vm.main() == main, "the same window state, not a reloaded one");
    assertEquals(edited, vm.main().modelEditor().getModel());
    assertEquals(2, vm.main().training().trainLossPoints(), "both steps were drawn");
    assertTrue(vm.project().isDirty());
    assertEquals("*Layerlab — 螺旋", vm.project().titleProperty().get(), "the sample's name follows the language");
    assertEquals("5 层 · 4,547 个参数\n输出 (N, 3)", vm.main().modelEditor().totalsTextProperty().get());
    assertEquals("已完成", vm.main().training().progressTextProperty().get());
  }
}
