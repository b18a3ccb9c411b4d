package org.layerlab.runtime.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.layerlab.model.project.DatasetRef;
import org.layerlab.model.project.Project;
import org.layerlab.model.project.ProjectFiles;
import org.layerlab.runtime.data.DatasetLoader;

/**
 * Which data a run trained on, down to the bytes: every file with its size and SHA-256, and one hash over them all.
 *
 * <p>The files are those the dataset reference names. For IDX data that is the folder actually read (the full dataset's when it is
 * installed and asked for, else the project's own). For other kinds, every setting of the dataset whose name ends in {@code path}
 * or {@code paths} and that names a file or folder, relative to the project folder. A dataset generated from its settings (the spiral) has
 * no files: its settings are in the configuration, and so in its hash.
 *
 * @param type the dataset's {@code type} in the project file
 * @param roots the files and folders fingerprinted, absolute
 * @param files every file under the roots, by path relative to its root, in path order
 * @param sha256 SHA-256 over the lines {@code path TAB size TAB sha256 LF} of {@code files}; {@code null} when there are none
 * @param note how the data was found, in words: generated, missing, ...
 */
public record DatasetFingerprint(String type, List<String> roots, List<FileEntry> files, long totalBytes, String sha256, String note) {

  /** One file of a dataset. */
  public record FileEntry(String path, long size, String sha256) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public DatasetFingerprint {
    roots = List.copyOf(roots);
    files = List.copyOf(files);
  }

  /** Fingerprints the data {@code project} trains on; reads and hashes every file, so keep it off a user interface thread. */
  public static DatasetFingerprint of(Project project, Path projectDir) {
    DatasetRef ref = project.dataset();
    Set<Path> roots = new LinkedHashSet<>();
    if (ref instanceof DatasetRef.Idx idx) {
      roots.add(DatasetLoader.idxFolder(idx, projectDir).toAbsolutePath().normalize());
    } else {
      for (String p : pathSettings(ProjectFiles.toJson(project))) {
        roots.add(projectDir.resolve(p).toAbsolutePath().normalize());
      }
    }
    if (roots.isEmpty()) {
      return new DatasetFingerprint(ref.type(), List.of(), List.of(), 0, null, "generated from its settings: no files");
    }
    List<FileEntry> files = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    long total = 0;
    for (Path root : roots) {
      if (!Files.exists(root)) {
        missing.add(root.toString());
        continue;
      }
      try {
        for (Path f : regularFiles(root)) {
          String rel = Files.isDirectory(root) ? root.relativize(f).toString().replace('\\', '/') : f.getFileName().toString();
          long size = Files.size(f);
          files.add(new FileEntry(roots.size() == 1 ? rel : root.getFileName() + "/" + rel, size, sha256(f)));
          total += size;
        }
      } catch (IOException e) {
        return new DatasetFingerprint(
            ref.type(), roots.stream().map(Path::toString).toList(), files, total, null, "could not be read: " + e.getMessage());
      }
    }
    String note = missing.isEmpty() ? files.size() + " files" : "missing: " + String.join(", ", missing);
    return new DatasetFingerprint(ref.type(), roots.stream().map(Path::toString).toList(), files, total, combined(files), note);
  }

  /** The dataset settings that look like paths: text values whose setting name ends in "path" or "paths", at any depth. */
  static List<String> pathSettings(String projectJson) {
    List<String> out = new ArrayList<>();
    try {
      collect(MAPPER.readTree(projectJson).path("dataset"), null, out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a project always writes valid JSON", e);
    }
    return out;
  }

  private static void collect(JsonNode node, String name, List<String> out) {
    String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    if (node.isTextual() && (lower.endsWith("path") || lower.endsWith("paths")) && !node.asText().isBlank()) {
      out.add(node.asText());
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collect(e.getValue(), e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        collect(child, name, out);
      }
    }
  }

  private static List<Path> regularFiles(Path root) throws IOException {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String combined(List<FileEntry> files) {
    if (files.isEmpty()) {
      return null;
    }
    MessageDigest md = digest();
    for (FileEntry f : files) {
      md.update((f.path() + "\t" + f.size() + "\t" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
