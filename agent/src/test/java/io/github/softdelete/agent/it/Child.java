package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A forked JVM: its command line, and everything it printed (stdout and stderr, interleaved). */
final class Child implements AutoCloseable {
  static final Path AGENT_JAR = Path.of(System.getProperty("it.agentJar", "target/softdelete-agent.jar"));
  static final Path FIXTURES = Path.of(System.getProperty("it.fixtures", "../agent-fixtures"));
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  // guards a hung child only; no test waits on time for an outcome
  private static final long TIMEOUT_SECONDS = 180;

  private final Process process;
  private final BufferedReader output;
  private final List<String> lines = new ArrayList<>();

  private Child(Process process) {
    this.process = process;
    this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static Child start(List<String> command) {
    try {
      return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code command} to its end. */
  static Child run(List<String> command) {
    Child child = start(command);
    child.awaitExit();
    return child;
  }

  static String agent(String options) {
    return "-javaagent:" + AGENT_JAR + (options == null ? "" : "=" + options);
  }

  /** {@code java -cp <fixture>/target/classes:<fixture>/target/lib/*}. */
  static String fixtureClasspath(String fixture) {
    Path target = FIXTURES.resolve(fixture).resolve("target");
    return target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
  }

  long pid() {
    return process.pid();
  }

  /** Reads output until a line equals {@code expected}; fails if the child ends first. */
  void awaitLine(String expected) {
    try {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        lines.add(line);
        if (line.equals(expected)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("the child ended before printing '" + expected + "':\n" + text());
  }

  /** Sends one line to the child's stdin. */
  void send(String line) {
    try {
      Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      in.write(line + "\n");
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the rest of the output and waits for the child to end. */
  Child awaitExit() {
    try {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        lines.add(line);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the child did not end:\n" + text());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return this;
  }

  int exitCode() {
    return process.exitValue();
  }

  List<String> lines() {
    return lines;
  }

  String text() {
    return String.join("\n", lines);
  }

  /** The lines that start with {@code prefix}. */
  List<String> linesStartingWith(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).toList();
  }

  /** Asserts a normal end, showing the whole output otherwise. */
  Child assertSucceeded() {
    assertThat(exitCode()).as("exit code; output:\n%s", text()).isZero();
    return this;
  }

  static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
