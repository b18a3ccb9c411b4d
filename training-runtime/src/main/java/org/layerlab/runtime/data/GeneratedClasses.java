package org.layerlab.runtime.data;

import java.util.List;
import java.util.Locale;
import org.layerlab.model.project.DatasetRef;

/**
 * The class names of a generated dataset (spiral, circles, xor, gaussians, moons, sequence) in a window's language.
 *
 * <p>The generators name their classes in English ("arm 1", "upper moon", "sine"), and those names stay in the data, the run store
 * and the command line. A window that shows class names (the data page, the confusion matrix) passes the names it got together with
 * the dataset reference they came from; only when they are exactly the English names that reference's generator gives are they
 * replaced, so the names of a CSV file or an image folder, which the user chose, are never touched.
 */
public final class GeneratedClasses {

  private GeneratedClasses() {}

  /**
   * {@code names} in {@code locale}'s language when they are the English class names that {@code ref}'s generator gives; otherwise
   * {@code names} as they are.
   */
  public static List<String> inLanguage(DatasetRef ref, List<String> names, Locale locale) {
    if (names == null || names.isEmpty()) {
      return names;
    }
    int k = names.size();
    List<String> english;
    List<String> said;
    if (ref instanceof DatasetRef.Spiral spiral && spiral.classes() == k) {
      english = SpiralGenerator.classNames(k, Locale.ENGLISH);
      said = SpiralGenerator.classNames(k, locale);
    } else if (ref instanceof DatasetRef.Synthetic synthetic
        && synthetic.kind().task() == DatasetRef.Task.CLASSIFICATION
        && synthetic.classes() == k
        && (synthetic.kind() != DatasetRef.SyntheticKind.SEQUENCE || k <= 4)) {
      english = SyntheticGenerator.classNames(synthetic.kind(), k, Locale.ENGLISH);
      said = SyntheticGenerator.classNames(synthetic.kind(), k, locale);
    } else {
      return names;
    }
    return names.equals(english) ? said : names;
  }
}
