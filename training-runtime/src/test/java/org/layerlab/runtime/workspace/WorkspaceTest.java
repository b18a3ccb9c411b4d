package org.layerlab.runtime.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.runtime.events.RunStatus;
import org.layerlab.runtime.store.Artifact;

class WorkspaceTest {

  @TempDir Path home;

  @Test
  void deletingARunRemovesItsFolderButNotFilesElsewhere() throws Exception {
    Path outside = Files.writeString(home.resolveSibling(home.getFileName() + "-eval.json"), "{}");
    try (Workspace ws = Workspace.open(home)) {
      String id = ws.runStore().createRun("r", "P", "{}", 0);
      ws.runStore().endRun(id, RunStatus.FINISHED, 1, Double.NaN, "");
      Path folder = Files.createDirectories(ws.runFolder(id).resolve("checkpoints"));
      Files.writeString(folder.resolve("epoch-1.params"), "weights");
      Artifact a = ws.runStore().addArtifact(id, Artifact.Kind.CHECKPOINT, "runs/" + id + "/checkpoints/epoch-1.params", 7, "");
      ws.runStore().addArtifact(id, Artifact.Kind.EVALUATION, outside.toString(), 2, "");
      assertEquals(folder.resolve("epoch-1.params"), ws.resolve(a));

      assertTrue(ws.deleteRun(id));
      assertFalse(Files.exists(ws.runFolder(id)), "the run's folder goes with it");
      assertTrue(Files.exists(outside), "a file outside the workspace is the user's");
      assertTrue(ws.runStore().findRun(id).isEmpty());
      assertFalse(ws.deleteRun(id));
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  void aRunFolderIsAlwaysInsideTheWorkspace() {
    try (Workspace ws = Workspace.open(home)) {
      assertEquals(home.resolve("runs").resolve("abc123"), ws.runFolder("abc123"));
      assertThrows(IllegalArgumentException.class, () -> ws.runFolder("../etc"));
      assertThrows(IllegalArgumentException.class, () -> ws.runFolder(""));
    }
  }
}
