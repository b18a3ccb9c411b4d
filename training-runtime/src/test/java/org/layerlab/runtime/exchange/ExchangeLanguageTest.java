package org.layerlab.runtime.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layerlab.model.LocalText;
import org.layerlab.model.Localized;
import org.layerlab.model.LocalizedArgumentException;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.text.RuntimeMessages;

/**
 * The errors of importing and exporting runs keep their English message for the command line and say the same in the window's
 * language; the expected texts are computed from the runtime's bundles.
 */
class ExchangeLanguageTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  @TempDir Path dir;

  private static void speaksBoth(Localized error, LocalText expected) {
    assertEquals(expected.english(), ((Exception) error).getMessage(), "the English message is unchanged");
    assertEquals(expected.english(), error.message(Locale.ENGLISH));
    assertEquals(expected.message(ZH), error.message(ZH));
    assertNotEquals(error.message(Locale.ENGLISH), error.message(ZH));
  }

  @Test
  void aCutEventFileSaysWhereInChinese() throws Exception {
    Path file = Files.write(dir.resolve("events.out.tfevents.1.host"), new byte[] {1, 2, 3, 4, 5});
    TensorBoardFormatException e = assertThrows(TensorBoardFormatException.class, () -> TensorBoardReader.read(file));
    speaksBoth(
        e,
        RuntimeMessages.text(
            "exchange.tensorboard.atByte", String.valueOf(file), "0", RuntimeMessages.text("exchange.tensorboard.cutHeader", "5", "12")));
    assertEquals(0, e.offset());
  }

  @Test
  void aMalformedMessageSaysWhatInChinese() {
    // tag 0x0A: field 1, length-delimited; the length 5 runs past the two bytes that follow
    ProtoDecoder d = new ProtoDecoder(new byte[] {0x0A, 0x05, 0x01, 0x02});
    ProtoDecoder.MalformedException e =
        assertThrows(
            ProtoDecoder.MalformedException.class,
            () -> {
              d.next();
              d.skip();
            });
    assertEquals(RuntimeMessages.text("exchange.proto.lengthPastEnd", "5"), e.problem());
    assertEquals(e.problem().english(), e.getMessage());
  }

  @Test
  void aFolderWithoutEventFilesIsAFileNotFoundThatSpeaksChinese() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> TensorBoardImporter.importFolder(store, empty));
      Localized l = assertInstanceOf(Localized.class, e);
      LocalText expected =
          RuntimeMessages.text("exchange.inFile", empty.toAbsolutePath().normalize().toString(), RuntimeMessages.text("exchange.tensorboard.noEventFileBelow"));
      speaksBoth(l, expected);
    }
    NoSuchFileException direct = assertThrows(NoSuchFileException.class, () -> TensorBoardReader.readFolder(empty));
    assertEquals(
        RuntimeMessages.get(ZH, "exchange.inFile", empty.toString(), RuntimeMessages.text("exchange.tensorboard.noEventFile")),
        ((Localized) direct).message(ZH));
  }

  @Test
  void jsonThatIsNoExportIsRefusedInChinese() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
    RunExchangeException e = assertThrows(RunExchangeException.class, () -> RunJsonImporter.read(notes));
    speaksBoth(e, RuntimeMessages.text("exchange.json.notAnExport", String.valueOf(notes), RunExporter.JSON_FORMAT));

    Path other = Files.writeString(dir.resolve("v9.json"), "{\"format\": \"" + RunExporter.JSON_FORMAT + "\", \"version\": 9}");
    speaksBoth(
        assertThrows(RunExchangeException.class, () -> RunJsonImporter.read(other)),
        RuntimeMessages.text("exchange.json.otherVersion", String.valueOf(other), "9", String.valueOf(RunExporter.JSON_VERSION)));

    Path missing = dir.resolve("gone.json");
    speaksBoth(
        assertThrows(RunExchangeException.class, () -> RunJsonImporter.read(missing)),
        RuntimeMessages.text("exchange.json.missing", String.valueOf(missing)));
  }

  @Test
  void aRunWithoutANameSaysWhichRunInChinese() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("runs.json"),
            "{\"format\": \"" + RunExporter.JSON_FORMAT + "\", \"version\": " + RunExporter.JSON_VERSION + ", \"runs\": [{\"id\": \"a\"}]}");
    RunExchangeException e = assertThrows(RunExchangeException.class, () -> RunJsonImporter.read(file));
    String source = file.toAbsolutePath().normalize().toString();
    speaksBoth(e, RuntimeMessages.text("exchange.json.missingField", RuntimeMessages.text("exchange.json.where", source, "1"), "name"));
  }

  @Test
  void aRunImportedFromTensorBoardSaysWhereFromInChinese() throws Exception {
    try (RunStore source = RunStore.open(dir.resolve("source.db"));
        RunStore target = RunStore.open(dir.resolve("target.db"))) {
      String original = ExchangeFixtures.recordRun(source, "baseline", ExchangeFixtures.START);
      Path runFolder = TensorBoardWriter.write(source, original, dir.resolve("logs")).getParent();
      String id = TensorBoardImporter.importFolder(target, runFolder).get(0).runId();
      RunSummary run = target.findRun(id).orElseThrow();
      String folder = runFolder.toAbsolutePath().normalize().toString();
      assertEquals("Imported from " + TensorBoardImporter.origin(runFolder), run.message(), "the English stays as the exports show it");
      assertEquals(run.message(), run.message(Locale.ENGLISH));
      assertEquals(RuntimeMessages.get(ZH, "exchange.tensorboard.imported", folder), run.message(ZH));
    }
  }

  @Test
  void exportingARunTheStoreLacksIsRefusedInChinese() throws Exception {
    try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
      LocalText expected = RuntimeMessages.text("exchange.noRun", "nope", String.valueOf(store.file()));
      speaksBoth(
          assertThrows(LocalizedArgumentException.class, () -> RunExporter.writeJson(store, List.of("nope"), new ByteArrayOutputStream())),
          expected);
      speaksBoth(assertThrows(LocalizedArgumentException.class, () -> TensorBoardWriter.write(store, "nope", dir.resolve("tb"))), expected);
    }
  }
}
