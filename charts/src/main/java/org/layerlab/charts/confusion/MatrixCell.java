package org.layerlab.charts.confusion;

/**
 * A cell of a confusion matrix, as reported when the user clicks it.
 *
 * @param trueClass the row: the samples' true class index
 * @param predictedClass the column: the class they were predicted as
 * @param trueLabel the row's class name
 * @param predictedLabel the column's class name
 * @param count the samples in the cell
 * @param rowShare the cell's share of its row, NaN for an empty row
 */
public record MatrixCell(
    int trueClass, int predictedClass, String trueLabel, String predictedLabel, long count, double rowShare) {

  /** Whether the cell counts right predictions. */
  public boolean isDiagonal() {
    return trueClass == predictedClass;
  }
}
