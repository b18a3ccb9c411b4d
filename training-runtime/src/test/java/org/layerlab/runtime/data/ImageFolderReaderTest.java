package org.layerlab.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.analysis.DataSignature;
import org.layerlab.model.analysis.Shape;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.DatasetRef.Options;
import org.layerlab.model.project.TrainingSettings;

class ImageFolderReaderTest {

  @TempDir Path dir;

  /** A colour image whose pixel (x, y) is red 10 x, green 20 y, blue 100 + tint. */
  private static BufferedImage colour(int w, int h, int tint) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, (10 * x) << 16 | (20 * y) << 8 | (100 + tint));
      }
    }
    return image;
  }

  private static Path write(BufferedImage image, Path file, String format) throws Exception {
    Files.createDirectories(file.getParent());
    assertTrue(ImageIO.write(image, format, file.toFile()), "no " + format + " writer");
    return file;
  }

  @Test
  void readsOneClassPerSubFolderAsRedGreenBluePlanes() throws Exception {
    Path pets = dir.resolve("pets");
    write(colour(3, 2, 0), pets.resolve("dog/a.png"), "png");
    write(colour(3, 2, 5), pets.resolve("cat/b.png"), "png");
    write(colour(3, 2, 7), pets.resolve("cat/c.PNG"), "png");
    Files.writeString(pets.resolve("cat/notes.txt"), "not an image");
    Files.createDirectories(pets.resolve(".thumbnails"));
    write(colour(3, 2, 9), pets.resolve("cat/.hidden.png"), "png");

    Dataset d = ImageFolderReader.read("pets", pets, 0, 0, 3);

    assertEquals(List.of("cat", "dog"), d.classNames(), "sub-folders in name order; hidden ones left out");
    assertEquals(3, d.size(), "the text file and the hidden image are left out");
    assertEquals(Shape.of(3, 2, 3), d.sampleShape());
    assertEquals(0, d.label(0));
    assertEquals(1, d.label(2));
    assertEquals(20 / 255f, d.feature(0, 2), "red of (2, 0)");
    assertEquals(20 / 255f, d.feature(0, 6 + 3), "green of (0, 1)");
    assertEquals(105 / 255f, d.feature(0, 12), "blue of image b");
    assertEquals(107 / 255f, d.feature(1, 12), "blue of image c");
  }

  @Test
  void greyIsTheLuminanceOfColourAndGreyImagesAreReadExactly() throws Exception {
    Path root = dir.resolve("root");
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(0, 0, 0, 128);
    grey.getRaster().setSample(1, 0, 0, 7);
    write(grey, root.resolve("a/grey.png"), "png");
    BufferedImage c = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    c.setRGB(0, 0, 0xFF0000);
    c.setRGB(1, 0, 0x0000FF);
    write(c, root.resolve("b/colour.png"), "png");

    Dataset asGrey = ImageFolderReader.read("g", root, 0, 0, 1);
    Dataset asColour = ImageFolderReader.read("c", root, 0, 0, 3);

    assertEquals(Shape.of(1, 1, 2), asGrey.sampleShape());
    assertEquals(128 / 255f, asGrey.feature(0, 0), "no sRGB conversion of the grey value");
    assertEquals(7 / 255f, asGrey.feature(0, 1));
    assertEquals(0.299f, asGrey.feature(1, 0), 1e-6);
    assertEquals(0.114f, asGrey.feature(1, 1), 1e-6);
    assertEquals(128 / 255f, asColour.feature(0, 2), "a grey image read as colour has three equal channels");
    assertEquals(128 / 255f, asColour.feature(0, 4));
  }

  @Test
  void resizingAveragesWhenShrinkingAndInterpolatesWhenGrowing() throws Exception {
    // 4x2 grey values 0, 40, 80, 120 / 160, 200, 240, 255 shrink to 2x1: averages of 2x2 blocks
    float[] planes = {0, 40, 80, 120, 160, 200, 240, 255};
    float[] small = ImageFolderReader.resize(planes, 1, 4, 2, 2, 1);
    assertArrayEquals(new float[] {100, 173.75f}, small, 1e-4f);
    // 2x1 grows to 4x1: pixel centres at -0.25, 0.25, 0.75, 1.25 of the source, clamped at the edges
    float[] big = ImageFolderReader.resize(new float[] {0, 100}, 1, 2, 1, 4, 1);
    assertArrayEquals(new float[] {0, 25, 75, 100}, big, 1e-4f);
    // 3 to 2 pixels: each covers one and a half source pixels
    float[] third = ImageFolderReader.resize(new float[] {0, 30, 60}, 1, 3, 1, 2, 1);
    assertArrayEquals(new float[] {10, 50}, third, 1e-4f);
  }

  @Test
  void imagesOfAnySizeAreResizedToTheChosenOne() throws Exception {
    Path root = dir.resolve("root");
    write(colour(8, 8, 0), root.resolve("a/big.png"), "png");
    write(colour(2, 3, 0), root.resolve("b/small.jpg"), "jpg");

    Dataset d = ImageFolderReader.read("r", root, 4, 4, 3);

    assertEquals(Shape.of(3, 4, 4), d.sampleShape());
    assertEquals(2, d.size());
    // red of the 8x8 image is 10 x; target pixel 0 averages source columns 0 and 1
    assertEquals(5 / 255f, d.feature(0, 0), 1e-6);
    // the JPEG's blue plane is close to 100 everywhere (JPEG is lossy)
    assertEquals(100 / 255f, d.feature(1, 2 * 16 + 5), 0.05);
    DatasetRef.ImageFolder ref = new DatasetRef.ImageFolder("r", "root", 4, 4, 3, Options.NONE);
    assertEquals(new DataSignature(Shape.of(3, 4, 4), 2), DatasetLoader.signature(ref, dir));
  }

  @Test
  void imagesOfMixedSizesNameBothFilesAndTheFix() throws Exception {
    Path root = dir.resolve("root");
    write(colour(4, 4, 0), root.resolve("a/first.png"), "png");
    Path odd = write(colour(5, 4, 0), root.resolve("b/odd.png"), "png");

    DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderReader.read("r", root, 0, 0, 3));

    assertEquals(odd, e.file());
    assertTrue(e.getMessage().contains("is 5x4 pixels, but a/first.png is 4x4: the images have mixed sizes"), e.getMessage());
    assertTrue(e.getMessage().contains("Set width and height"), e.getMessage());
  }

  @Test
  void aDamagedImageIsNamed() throws Exception {
    Path root = dir.resolve("root");
    write(colour(4, 4, 0), root.resolve("a/good.png"), "png");
    Path whole = write(colour(16, 16, 0), root.resolve("b/whole.png"), "png");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(root.resolve("b/cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

    DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderReader.read("r", root, 4, 4, 3));

    assertEquals(cut, e.file());
    assertTrue(e.getMessage().contains("cannot be decoded") && e.getMessage().contains("damaged or cut short"), e.getMessage());
  }

  @Test
  void aFileNamedAsAnImageThatIsNoneIsNamed() throws Exception {
    Path root = dir.resolve("root");
    write(colour(4, 4, 0), root.resolve("a/good.png"), "png");
    Path text = Files.writeString(Files.createDirectories(root.resolve("b")).resolve("fake.jpg"), "hello");

    DatasetException e = assertThrows(DatasetException.class, () -> ImageFolderReader.read("r", root, 0, 0, 3));

    assertEquals(text, e.file());
    assertTrue(e.getMessage().contains("is not an image Java can decode"), e.getMessage());
  }

  @Test
  void aFolderNeedsTwoClassFoldersWithImages() throws Exception {
    Path root = dir.resolve("root");
    write(colour(4, 4, 0), root.resolve("only/a.png"), "png");
    DatasetException one = assertThrows(DatasetException.class, () -> ImageFolderReader.read("r", root, 0, 0, 3));
    assertTrue(one.getMessage().contains("one sub-folder (only)") && one.getMessage().contains("at least two classes"), one.getMessage());

    Files.createDirectories(root.resolve("empty"));
    DatasetException empty = assertThrows(DatasetException.class, () -> ImageFolderReader.read("r", root, 0, 0, 3));
    assertEquals(root.resolve("empty"), empty.file());
    assertTrue(empty.getMessage().contains("holds no images (PNG, JPEG, GIF or BMP) for class 'empty'"), empty.getMessage());

    DatasetException missing = assertThrows(DatasetException.class, () -> ImageFolderReader.read("r", dir.resolve("nowhere"), 0, 0, 3));
    assertTrue(missing.getMessage().contains("no such folder"), missing.getMessage());
  }

  @Test
  void loadsThroughTheLoaderWithTheOwnSizeAsSignature() throws Exception {
    Path root = dir.resolve("shapes");
    for (int i = 0; i < 6; i++) {
      write(colour(5, 3, i), root.resolve("round/" + i + ".png"), "png");
      write(colour(5, 3, 50 + i), root.resolve("square/" + i + ".bmp"), "bmp");
    }
    DatasetRef.ImageFolder ref = new DatasetRef.ImageFolder("shapes", "shapes", 0, 0, 1, Options.NONE);

    LoadedData data = DatasetLoader.load(ref, dir, TrainingSettings.defaults().withValidationFraction(0.5));

    assertEquals(6, data.train().size());
    assertEquals(Shape.of(1, 3, 5), data.train().sampleShape());
    assertEquals(new DataSignature(Shape.of(1, 3, 5), 2), DatasetLoader.signature(ref, dir), "from the first image's header");
    assertTrue(data.source().contains("12 images of 2 classes (round, square)"), data.source());
  }
}
