package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.layerlab.runtime.store.Artifact;
import org.layerlab.runtime.store.MetricSummary;
import org.layerlab.runtime.store.RunEntry;
import org.layerlab.runtime.store.RunStore;
import org.layerlab.runtime.store.RunSummary;
import org.layerlab.runtime.tracking.DatasetFingerprint;
import org.layerlab.runtime.tracking.Provenance;
import org.layerlab.runtime.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Everything recorded about one run. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run: its record, provenance, results and artifacts.")
final class RunsShowCommand extends RunsSubcommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN", description = "The run's id, or its first letters.")
  String run;

  @Option(names = "--config", description = "Also print the project as trained (JSON).")
  boolean config;

  @Option(names = "--files", description = "Also list every dataset file with its size and SHA-256.")
  boolean files;

  @Override
  public Integer call() {
    try (Workspace ws = openWorkspace()) {
      RunStore store = ws.runStore();
      RunEntry e = store.entry(resolveOne(store, run)).orElseThrow();
      print(out(), store, e);
      return 0;
    }
  }

  private void print(PrintWriter out, RunStore store, RunEntry e) {
    RunSummary r = e.summary();
    out.printf("Run %s  %s%s%n", r.id(), r.name(), e.archived() ? "  (archived)" : "");
    field(out, "project", r.projectName());
    field(out, "status", r.status() + (r.message().isBlank() ? "" : ": " + r.message()));
    field(
        out,
        "time",
        Formats.time(r.startedAtMillis())
            + (r.endedAtMillis() == null ? ", running" : " to " + Formats.time(r.endedAtMillis()))
            + " (" + Formats.seconds(r.duration().toMillis()) + ")");
    field(out, "group", e.groupId() == null ? "-" : e.groupId());
    field(out, "tags", e.labels().isEmpty() ? "-" : String.join(", ", e.labels()));
    field(out, "notes", e.notes().isBlank() ? "-" : e.notes());
    field(out, "config hash", e.configHash() + (e.seed() == null ? "" : "  (seed " + e.seed() + ")"));
    if (e.origin() != null) {
      field(out, "imported", e.origin() + " (read-only)");
    }
    Optional<String> provenance = store.provenance(r.id());
    if (provenance.isPresent()) {
      Provenance p = Provenance.parse(provenance.get());
      DatasetFingerprint d = p.dataset();
      out.println("Provenance");
      field(
          out,
          "dataset",
          d.type() + ": " + d.note() + (d.files().isEmpty() ? "" : ", " + Formats.bytes(d.totalBytes())) + (d.sha256() == null ? "" : ", sha256 " + d.sha256()));
      for (String root : d.roots()) {
        field(out, "", root);
      }
      if (files) {
        for (DatasetFingerprint.FileEntry f : d.files()) {
          field(out, "", String.format(Locale.ROOT, "%s  %s  %s", f.sha256(), Formats.bytes(f.size()), f.path()));
        }
      }
      Provenance.Versions v = p.versions();
      field(out, "software", "Layerlab " + v.layerlab() + ", DJL " + v.djl() + ", " + v.engine());
      field(out, "java", v.java());
      field(out, "os", v.os());
      field(out, "device", p.device() + ", " + p.engineThreads() + " engine threads, " + p.processors() + " processors");
      if (e.batchesPerEpoch() != null) {
        field(out, "batches", e.batchesPerEpoch() + " per epoch");
      }
    } else if (e.origin() == null) {
      out.println("Provenance: none recorded (a run from before schema 3, or one recorded without it).");
    }
    if (!e.metrics().isEmpty()) {
      out.printf("Results%n  %-34s %10s %10s %9s %8s%n", "SERIES", "FINAL", "BEST", "AT STEP", "POINTS");
      for (MetricSummary m : e.metrics().values()) {
        out.printf(
            Locale.ROOT, "  %-34s %10s %10s %9d %8d%n", m.tag(), Formats.value(m.lastValue()), Formats.value(m.best()), m.lastStep(), m.points());
      }
    }
    List<Artifact> artifacts = store.artifacts(r.id());
    out.println(artifacts.isEmpty() ? "Artifacts: none" : "Artifacts");
    for (Artifact a : artifacts) {
      out.printf(
          "  %-12s %-9s %s%s%n", a.kind(), Formats.bytes(a.sizeBytes()), a.path(), a.description().isBlank() ? "" : "  (" + a.description() + ")");
    }
    if (config) {
      out.println("Configuration");
      out.println(r.configJson());
    }
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("  %-12s %s%n", name, value);
  }
}
