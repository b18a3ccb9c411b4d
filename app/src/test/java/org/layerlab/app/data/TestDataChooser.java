package org.layerlab.app.data;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A data file chooser for tests: answers with the paths queued, in order, and cancels when none is left. */
final class TestDataChooser implements DataFileChooser {

  private final Deque<Path> answers = new ArrayDeque<>();
  final List<Kind> asked = new ArrayList<>();

  TestDataChooser answer(Path path) {
    answers.add(path);
    return this;
  }

  @Override
  public Optional<Path> choose(Kind kind) {
    asked.add(kind);
    return Optional.ofNullable(answers.poll());
  }
}
