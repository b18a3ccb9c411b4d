package org.layerlab.runtime.cli;

import java.util.concurrent.Callable;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a run's notes. */
@Command(name = "note", mixinStandardHelpOptions = true, description = "Write a run's notes (replacing them, or adding a line with --append).")
final class RunsNoteCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN", description = "The run, by id or its first letters.")
  String run;

  @Parameters(index = "1", paramLabel = "TEXT", description = "The notes; an empty text clears them.")
  String text;

  @Option(names = "--append", description = "Add TEXT as a new line after the notes there are.")
  boolean append;

  @Override
  public Integer call() {
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      String id = resolveOne(store, run);
      String before = store.entry(id).orElseThrow().notes();
      store.setNotes(id, append && !before.isBlank() ? before + "\n" + text : text);
      out().printf("%s  notes %s%n", id, text.isBlank() && !append ? "cleared" : "saved");
      return 0;
    }
  }
}
