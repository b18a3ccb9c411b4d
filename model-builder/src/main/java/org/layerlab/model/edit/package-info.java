/**
 * Every change to a model as an undoable command ({@link org.layerlab.model.edit.ModelEdit}): add, remove, connect, disconnect,
 * change a setting, move, rename. An {@link org.layerlab.model.edit.EditHistory} runs them, keeps the undo and redo stacks and a
 * revision number that an editor observes through an {@link org.layerlab.model.edit.EditListener}. No JavaFX here: the app wraps
 * the revision in a property.
 */
package org.layerlab.model.edit;
