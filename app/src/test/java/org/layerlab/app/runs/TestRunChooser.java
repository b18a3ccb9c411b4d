package org.layerlab.app.runs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A run file chooser for tests: answers with the paths queued, in order, cancels when none is left, and records what was asked. */
final class TestRunChooser implements RunFileChooser {

  private final Deque<Path> answers = new ArrayDeque<>();
  private final List<String> asked = new ArrayList<>();

  /** The next dialog answers {@code path}. */
  TestRunChooser answer(Path path) {
    answers.add(path);
    return this;
  }

  /** The dialogs shown, such as "export CSV runs.csv" or "import TensorBoard". */
  List<String> asked() {
    return asked;
  }

  @Override
  public Optional<Path> chooseExportFile(ExportFormat format, String suggestedName) {
    asked.add("export " + format + " " + suggestedName);
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> chooseExportFolder() {
    asked.add("export folder");
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> chooseTensorBoardFolder() {
    asked.add("import TensorBoard");
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> chooseJsonToImport() {
    asked.add("import JSON");
    return Optional.ofNullable(answers.poll());
  }
}
