package org.layerlab.runtime.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the command line. */
@Command(
    name = "layerlab",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = {
      "Train deep-learning projects and keep every run on record.",
      "Without a command, ./layerlab opens the workbench (./layerlab --project DIR opens another project)."
    },
    subcommands = {
      TrainCommand.class,
      RunsCommand.class,
      SummaryCommand.class,
      TemplatesCommand.class,
      PredictCommand.class,
      BenchCommand.class,
      BenchStoreCommand.class,
      BenchLoggingCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Cli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command and returns its exit code: 0 success, 1 failure, 2 bad usage, 3 diverged, 130 stopped. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** As {@link #run(String...)}, printing to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Cli());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("Error: " + e.getMessage());
          return 1;
        });
    int exit = cl.execute(args);
    // print() without a newline is not auto-flushed, and the launcher calls System.exit right after
    out.flush();
    err.flush();
    return exit;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version {@code --version} prints: the one run provenance records. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Layerlab " + org.layerlab.runtime.tracking.Provenance.Versions.LAYERLAB};
    }
  }
}
