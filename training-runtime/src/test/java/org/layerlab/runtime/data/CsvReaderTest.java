package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.DatasetRef.Task;
import org.layerlab.model.project.TrainingSettings;

class CsvReaderTest {

  @TempDir Path dir;

  private static DatasetRef.Csv classify(String target, List<String> features, List<String> categorical) {
    return new DatasetRef.Csv("t", "t.csv", List.of(target), features, categorical, Task.CLASSIFICATION, ',', Options.NONE);
  }

  private Dataset read(String text, DatasetRef.Csv ref) throws Exception {
    return CsvReader.read(Files.writeString(dir.resolve("t.csv"), text), ref);
  }

  @Test
  void numericAndCategoricalColumnsBecomeFeaturesAndTheTargetBecomesClasses() throws Exception {
    String csv = "size,colour,weight,kind\n1.5,red,10,pear\n2,blue,-3e1,apple\n0.25,red,0,pear\n";

    Dataset d = read(csv, classify("kind", List.of(), List.of("colour")));

    assertEquals(3, d.size());
    assertEquals(Shape.of(4), d.sampleShape(), "size, colour=blue, colour=red, weight");
    assertEquals(List.of("apple", "pear"), d.classNames());
    assertEquals(1, d.label(0));
    assertEquals(0, d.label(1));
    assertEquals(1.5f, d.feature(0, 0));
    assertEquals(0f, d.feature(0, 1), "colour=blue");
    assertEquals(1f, d.feature(0, 2), "colour=red");
    assertEquals(10f, d.feature(0, 3));
    assertEquals(1f, d.feature(1, 1));
    assertEquals(-30f, d.feature(1, 3));
    assertFalse(d.isRegression());
  }

  @Test
  void chosenFeaturesAreReadInTheirOrderAndOtherColumnsAreLeftOut() throws Exception {
    Dataset d = read("a,b,c,y\n1,2,3,x\n4,5,6,z\n", classify("y", List.of("c", "a"), List.of()));
    assertEquals(Shape.of(2), d.sampleShape());
    assertEquals(3f, d.feature(0, 0));
    assertEquals(4f, d.feature(1, 1));
  }

  @Test
  void numericClassNamesAreOrderedAsNumbers() throws Exception {
    Dataset d = read("x,y\n1,10\n2,2\n3,1\n", classify("y", List.of(), List.of()));
    assertEquals(List.of("1", "2", "10"), d.classNames());
    assertEquals(2, d.label(0));
  }

  @Test
  void regressionKeepsEveryTargetAsAFloat() throws Exception {
    DatasetRef.Csv ref =
        new DatasetRef.Csv("houses", "t.csv", List.of("price", "rent"), List.of(), List.of(), Task.REGRESSION, ',', Options.NONE);

    Dataset d = read("rooms,price,rent\n3,250.5,900\n5,400,1200\n", ref);

    assertTrue(d.isRegression());
    assertEquals(0, d.classes());
    assertEquals(2, d.targetCount());
    assertEquals(List.of("price", "rent"), d.targetNames());
    assertEquals(Shape.of(1), d.sampleShape());
    assertEquals(250.5f, d.target(0, 0));
    assertEquals(1200f, d.target(1, 1));
    assertEquals(new DataSignature(Shape.of(1), 2), d.signature(), "a regression model ends in one output per target");
    float[] out = new float[4];
    d.gatherTargets(new int[] {1, 0}, 0, 2, out);
    assertEquals(400f, out[0]);
    assertEquals(900f, out[3]);
  }

  @Test
  void quotesSemicolonsCrLfBlankLinesAndAByteOrderMarkAreUnderstood() throws Exception {
    String csv = "\uFEFF\"name\";value;label\r\n\"Smith; \"\"Jr\"\"\";1.5;a\r\n\r\n  plain  ; 2 ;\"b\nc\"\r\n";
    DatasetRef.Csv ref = new DatasetRef.Csv("t", "t.csv", List.of("label"), List.of(), List.of("name"), Task.CLASSIFICATION, ';', Options.NONE);

    Dataset d = read(csv, ref);

    assertEquals(2, d.size());
    assertEquals(List.of("a", "b\nc"), d.classNames(), "a quoted cell keeps its line break");
    assertEquals(Shape.of(3), d.sampleShape(), "name=Smith; \"Jr\", name=plain, value");
    assertEquals(1f, d.feature(0, 0), "categories in text order: 'Smith; \"Jr\"' before 'plain'");
    assertEquals(1f, d.feature(1, 1));
    assertEquals(2f, d.feature(1, 2));
  }

  @Test
  void loadsThroughTheLoaderAndSignature() throws Exception {
    StringBuilder csv = new StringBuilder("x1,x2,y\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i).append(',').append(i * 2).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
    }
    Files.writeString(dir.resolve("t.csv"), csv);
    DatasetRef.Csv ref = classify("y", List.of(), List.of());

    LoadedData data = DatasetLoader.load(ref, dir, TrainingSettings.defaults().withValidationFraction(0.25));

    assertEquals(30, data.train().size());
    assertEquals(10, data.validation().size());
    assertTrue(data.source().contains("40 rows of 2 features, classification of y into 2 classes"), data.source());
    assertEquals(new DataSignature(Shape.of(2), 2), DatasetLoader.signature(ref, dir));
  }

  static Stream<Arguments> badTables() {
    DatasetRef.Csv plain = classify("y", List.of(), List.of());
    DatasetRef.Csv regression = new DatasetRef.Csv("t", "t.csv", List.of("y"), List.of(), List.of(), Task.REGRESSION, ',', Options.NONE);
    return Stream.of(
        Arguments.of("x,y\n1,a\nabc,b\n", plain, new String[] {"line 3, column 'x': \"abc\" is not a number", "\"categorical\""}),
        Arguments.of("x,y\n1,a\n\"1,5\",b\n", plain, new String[] {"line 3, column 'x': \"1,5\" is not a number", "decimal comma"}),
        Arguments.of("x,y\n1,a\n,b\n", plain, new String[] {"line 3, column 'x': the cell is empty", "does not guess"}),
        Arguments.of("x,y\n1,a\n2\n", plain, new String[] {"line 3 has 1 cell but the header has 2 columns (x, y)"}),
        Arguments.of("x,y\n1,a,3\n", plain, new String[] {"line 2 has 3 cells"}),
        Arguments.of("x,y\n1,NaN\n", regression, new String[] {"line 2, column 'y': \"NaN\" is not a finite number"}),
        Arguments.of("x,y\n1,big\n", regression, new String[] {"line 2, column 'y': \"big\" is not a number", "regression target"}),
        Arguments.of("x,z\n1,a\n", plain, new String[] {"has no column 'y' (named in the dataset's target); its columns are x, z"}),
        Arguments.of("x;y\n1;a\n", plain, new String[] {"has no column 'y'", "set the dataset's delimiter"}),
        Arguments.of("x,y\n", plain, new String[] {"has a header but no data lines"}),
        Arguments.of("", plain, new String[] {"is empty"}),
        Arguments.of("x,y\n1,a\n2,a\n", plain, new String[] {"holds only one class ('a')", "at least two"}),
        Arguments.of("x,y\n1,\"a\n", plain, new String[] {"line 2: a quoted cell is never closed"}),
        Arguments.of("x,y\n1,\"a\"b\n", plain, new String[] {"line 2: text follows a closing quote in column 2"}),
        Arguments.of("x,x,y\n1,2,a\n", plain, new String[] {"line 1: the column name 'x' appears twice (columns 1 and 2)"}),
        Arguments.of("x,,y\n1,2,a\n", plain, new String[] {"line 1: column 2 has no name"}),
        Arguments.of("y\na\nb\n", plain, new String[] {"no column left to learn from"}));
  }

  @ParameterizedTest
  @MethodSource("badTables")
  void badDataNamesTheFileTheLineAndTheFix(String text, DatasetRef.Csv ref, String[] fragments) throws Exception {
    Path file = Files.writeString(dir.resolve("t.csv"), text);

    DatasetException e = assertThrows(DatasetException.class, () -> CsvReader.read(file, ref));

    assertEquals(file, e.file());
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), () -> "expected '" + f + "' in: " + e.getMessage());
    }
    // The window's Chinese says the same problem of the same file; the English message is what the problem says in English.
    assertEquals(e.getMessage(), e.message(java.util.Locale.ENGLISH));
    String zh = e.message(java.util.Locale.SIMPLIFIED_CHINESE);
    assertTrue(zh.startsWith(file + ": "), zh);
    assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), zh);
  }

  @Test
  void aFileThatIsNotUtf8IsNamed() throws Exception {
    Path file = Files.write(dir.resolve("t.csv"), "x,y\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    DatasetException e = assertThrows(DatasetException.class, () -> CsvReader.read(file, classify("y", List.of(), List.of())));
    assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("none.csv");
    DatasetException e = assertThrows(DatasetException.class, () -> CsvReader.read(file, classify("y", List.of(), List.of())));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }
}
