package org.layerlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupOptionsTest {

  @Test
  void aFirstArgumentThatIsAWordIsACommandForTheCommandLine() {
    assertTrue(StartupOptions.isCommand("train", "sample-projects/spiral"));
    assertTrue(StartupOptions.isCommand("runs"));
    assertFalse(StartupOptions.isCommand());
    assertFalse(StartupOptions.isCommand("--project", "x"));
    assertTrue(StartupOptions.isCommand("--help"), "help is the command line's");
    assertTrue(StartupOptions.isCommand("-V"));
  }

  @Test
  void projectOptionPicksTheProjectElseTheSpiralSample() {
    Path samples = Path.of("samples");
    assertEquals(samples.resolve("spiral"), StartupOptions.parse(List.of()).projectOrSpiral(samples));
    assertEquals(Path.of("p"), StartupOptions.parse(List.of("--project", "p")).projectOrSpiral(samples));
    assertEquals(Optional.of(Path.of("q")), StartupOptions.parse(List.of("--project=q")).projectPath());
    assertThrows(IllegalArgumentException.class, () -> StartupOptions.parse(List.of("--project")));
  }

  @Test
  void aProjectThatCannotBeReadFallsBackToTheBuiltInSpiralWithAWarning(@TempDir Path dir) {
    OpenedProject opened = OpenedProject.open(dir.resolve("missing"));
    assertEquals("Spiral", opened.project().name());
    assertTrue(opened.warning().startsWith("Could not open"), opened.warning());
  }

  @Test
  void theSpiralSampleOpens() {
    OpenedProject opened = OpenedProject.open(StartupOptions.samplesDir().resolve("spiral"));
    assertEquals("", opened.warning());
    assertEquals("Spiral", opened.project().name());
    assertTrue(opened.directory().endsWith("spiral"));
  }
}
