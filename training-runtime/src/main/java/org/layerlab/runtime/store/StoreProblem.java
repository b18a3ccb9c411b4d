package org.layerlab.runtime.store;

import java.sql.SQLException;
import java.util.Locale;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;

/**
 * A refusal the store itself finds inside a transaction (no such run, a read-only run, a file of a newer schema): an {@link
 * SQLException}, so that the transaction rolls back as for any database error, whose message the {@link RunStoreException} around
 * it says in the window's language.
 */
final class StoreProblem extends SQLException implements Localized {

  private static final long serialVersionUID = 1L;

  private final transient LocalText text;

  StoreProblem(LocalText text) {
    super(text.english());
    this.text = text;
  }

  @Override
  public String message(Locale locale) {
    return text == null ? getMessage() : text.message(locale);
  }
}
