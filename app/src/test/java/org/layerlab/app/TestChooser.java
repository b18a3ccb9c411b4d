package org.layerlab.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.layerlab.app.project.FileChooserService;

/** A file chooser for tests: answers with the paths queued, in order, and cancels when none is left. */
public final class TestChooser implements FileChooserService {

  private final Deque<Path> answers = new ArrayDeque<>();
  private int asked;

  public static TestChooser cancelling() {
    return new TestChooser();
  }

  /** The next dialog, open or save, answers {@code path}. */
  public TestChooser answer(Path path) {
    answers.add(path);
    return this;
  }

  /** How many times a dialog was shown. */
  public int asked() {
    return asked;
  }

  @Override
  public Optional<Path> chooseProjectToOpen() {
    asked++;
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> chooseProjectToSave(String suggestedName) {
    asked++;
    return Optional.ofNullable(answers.poll());
  }
}
