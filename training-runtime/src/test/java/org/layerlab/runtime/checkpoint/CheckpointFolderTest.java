package org.layerlab.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFolderTest {

  @TempDir Path dir;

  private static Map<String, Tensor> tensors(float first) {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put("dense1/weight", new Tensor(new long[] {2, 3}, new float[] {first, 2, 3, 4, 5, Float.NaN}));
    m.put("dense1/bias", new Tensor(new long[] {3}, new float[] {-1, 0, 1e-30f}));
    m.put("scalar", new Tensor(new long[0], new float[] {7}));
    return m;
  }

  private static CheckpointInfo info(int epoch) {
    return new CheckpointInfo("run-1", epoch, 10L * epoch, "validation_loss", 0.5, 0.4, 1, 1, new double[] {0.1, Double.NaN, 2}, 0.5, Double.NaN, 123);
  }

  @Test
  void tensorsSurviveAFileExactlyAndInOrder() throws IOException {
    Path f = dir.resolve("t.tensors");
    TensorFile.write(f, tensors(1));
    Map<String, Tensor> back = TensorFile.read(f);
    assertEquals(tensors(1), back);
    assertEquals(java.util.List.copyOf(tensors(1).keySet()), java.util.List.copyOf(back.keySet()));
  }

  @Test
  void aFileThatIsNotOursOrCutShortIsRefusedWithAReason() throws IOException {
    Path f = dir.resolve("x.tensors");
    Files.writeString(f, "hello world, not tensors");
    assertTrue(assertThrows(IOException.class, () -> TensorFile.read(f)).getMessage().contains("not a Layerlab tensor file"));
    TensorFile.write(f, tensors(1));
    byte[] all = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(all, all.length - 5));
    assertTrue(assertThrows(IOException.class, () -> TensorFile.read(f)).getMessage().contains("cut short"));
  }

  @Test
  void aCheckpointReadsBackWhatWasWrittenAndReplacesThePreviousOne() throws IOException {
    CheckpointFolder folder = CheckpointFolder.of(dir.resolve("cp"));
    assertFalse(folder.has(CheckpointKind.LAST));
    folder.writeProject("{\"name\":\"p\"}");
    folder.write(CheckpointKind.LAST, tensors(1), tensors(9), info(1));
    folder.write(CheckpointKind.LAST, tensors(2), tensors(9), info(2));
    folder.write(CheckpointKind.BEST, tensors(3), Map.of(), info(1));

    Checkpoint last = folder.read(CheckpointKind.LAST);
    assertEquals(2, last.info().epoch());
    assertEquals(tensors(2), last.parameters());
    assertEquals(tensors(9), last.optimizerState());
    assertArrayEquals(new double[] {0.1, Double.NaN, 2}, last.info().scheduleState());
    assertTrue(Double.isNaN(last.info().validationAccuracy()));
    Checkpoint best = folder.read(CheckpointKind.BEST);
    assertEquals(Map.of(), best.optimizerState());
    assertEquals(tensors(3), best.parameters());
    assertEquals("{\"name\":\"p\"}", folder.readProject().orElseThrow());
    try (var files = Files.list(folder.dir())) {
      assertEquals(java.util.Set.of("project.json", "last", "best"), files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
  }

  @Test
  void aWriteCutShortLeavesThePreviousCheckpointReadable() throws IOException {
    CheckpointFolder folder = CheckpointFolder.of(dir);
    folder.write(CheckpointKind.LAST, tensors(1), Map.of(), info(1));
    // A process killed between the two renames leaves last.old and no last; one killed while writing leaves a last.tmp folder.
    Files.move(dir.resolve("last"), dir.resolve("last.old"));
    Files.createDirectories(dir.resolve("last.tmp12345"));
    assertTrue(folder.has(CheckpointKind.LAST));
    assertEquals(1, folder.read(CheckpointKind.LAST).info().epoch());
    folder.write(CheckpointKind.LAST, tensors(2), Map.of(), info(2));
    assertEquals(2, folder.read(CheckpointKind.LAST).info().epoch());
    assertFalse(Files.exists(dir.resolve("last.old")));
    assertFalse(Files.exists(dir.resolve("last.tmp12345")), "unfinished writes are cleared away");
  }
}
