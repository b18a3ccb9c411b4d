package org.layerlab.model.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.layerlab.model.ModelSpec;

/**
 * The model being edited, with undo and redo stacks. Every change goes through {@link #execute}, {@link #undo}, {@link #redo} or
 * {@link #reset}; each raises the {@link #revision()} by one and tells the listeners, so an editor redraws on one number.
 *
 * <p>{@link #isDirty()} compares the current state with the one last {@link #markSaved() saved}: undoing back to the saved model
 * makes the history clean again. Not thread-safe: use it from one thread, the UI thread in the app.
 */
public final class EditHistory {

  /** How many edits the undo stack keeps unless told otherwise. */
  public static final int DEFAULT_LIMIT = 500;

  /** An executed edit and the state number of the model after it. */
  private record Entry(ModelEdit edit, long state) {}

  private final int limit;
  private final Deque<Entry> undo = new ArrayDeque<>();
  private final Deque<Entry> redo = new ArrayDeque<>();
  private final List<EditListener> listeners = new CopyOnWriteArrayList<>();
  private ModelSpec model;
  private long revision;
  private long nextState = 1;
  private long baseState; // the state of the model at the bottom of the undo stack
  private long savedState;

  public EditHistory(ModelSpec initial) {
    this(initial, DEFAULT_LIMIT);
  }

  /** A history that keeps at most {@code limit} edits to undo; older ones are forgotten. */
  public EditHistory(ModelSpec initial, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.model = Objects.requireNonNull(initial, "initial");
    this.limit = limit;
  }

  public ModelSpec model() {
    return model;
  }

  /** Raised by one on every change of the model; starts at 0. */
  public long revision() {
    return revision;
  }

  /**
   * Runs {@code edit} on the model and puts it on the undo stack, clearing the redo stack. An edit that leaves the model as it was
   * is not recorded and changes nothing.
   *
   * @return whether the model changed
   * @throws IllegalArgumentException when the edit does not fit the model, which is then unchanged
   */
  public boolean execute(ModelEdit edit) {
    ModelSpec after = edit.execute(model);
    if (after.equals(model)) {
      return false;
    }
    undo.push(new Entry(edit, nextState++));
    if (undo.size() > limit) {
      baseState = undo.removeLast().state();
    }
    redo.clear();
    change(EditEvent.Kind.EXECUTE, edit.description(), after);
    return true;
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** What {@link #undo} would undo, for a menu item "Undo Add dense3". */
  public Optional<String> undoDescription() {
    return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().edit().description());
  }

  public Optional<String> redoDescription() {
    return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().edit().description());
  }

  /** Undoes the last edit; throws {@link IllegalStateException} when there is none. */
  public void undo() {
    if (undo.isEmpty()) {
      throw new IllegalStateException("nothing to undo");
    }
    Entry e = undo.pop();
    redo.push(e);
    change(EditEvent.Kind.UNDO, e.edit().description(), e.edit().undo());
  }

  /** Redoes the last undone edit; throws {@link IllegalStateException} when there is none. */
  public void redo() {
    if (redo.isEmpty()) {
      throw new IllegalStateException("nothing to redo");
    }
    Entry e = redo.pop();
    undo.push(e);
    change(EditEvent.Kind.REDO, e.edit().description(), e.edit().redo());
  }

  /** Replaces the model, as when a file or a template is opened: both stacks are cleared and the new model counts as saved. */
  public void reset(ModelSpec newModel, String reason) {
    undo.clear();
    redo.clear();
    baseState = nextState++;
    savedState = baseState;
    change(EditEvent.Kind.RESET, reason, Objects.requireNonNull(newModel, "newModel"));
  }

  /** Remembers the current model as the one on disk. */
  public void markSaved() {
    savedState = currentState();
  }

  /** Whether the model differs from the one last saved (or opened). */
  public boolean isDirty() {
    return currentState() != savedState;
  }

  /** The descriptions on the undo stack, most recent first. */
  public List<String> undoDescriptions() {
    List<String> out = new ArrayList<>();
    undo.forEach(e -> out.add(e.edit().description()));
    return out;
  }

  public void addListener(EditListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(EditListener listener) {
    listeners.remove(listener);
  }

  private long currentState() {
    return undo.isEmpty() ? baseState : undo.peek().state();
  }

  private void change(EditEvent.Kind kind, String description, ModelSpec newModel) {
    model = newModel;
    revision++;
    EditEvent event = new EditEvent(kind, description, model, revision);
    for (EditListener l : listeners) {
      l.modelChanged(event);
    }
  }
}
