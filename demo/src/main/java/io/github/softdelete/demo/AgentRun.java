package io.github.softdelete.demo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Starts the application in a child JVM with {@code -javaagent:softdelete-agent.jar=<options>} and the same
 * class path as this one, and streams what it prints.
 */
final class AgentRun {
  static final String AGENT_JAR_PROPERTY = "demo.agentJar";
  private static final List<Path> CANDIDATES = List.of(
      Path.of("agent", "target", "softdelete-agent.jar"),
      Path.of("..", "agent", "target", "softdelete-agent.jar"));

  private final Path agentJar;
  private final Printer out;

  AgentRun(Path agentJar, Printer out) {
    this.agentJar = agentJar;
    this.out = out;
  }

  /** {@code -Ddemo.agentJar}, else the agent module's build output seen from the root or from {@code demo/}. */
  static Optional<Path> findAgentJar() {
    String given = System.getProperty(AGENT_JAR_PROPERTY);
    if (given != null && !given.isBlank()) {
      Path path = Path.of(given);
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
    return CANDIDATES.stream().filter(Files::isRegularFile).findFirst();
  }

  static String searched() {
    String given = System.getProperty(AGENT_JAR_PROPERTY);
    return given != null && !given.isBlank() ? given
        : CANDIDATES.stream().map(Path::toString).collect(Collectors.joining(" or "));
  }

  /**
   * Runs the story in the child; its output goes to this run's printer, line by line.
   *
   * @param factsFile where the child writes the story's facts, or {@code null}
   * @return the child's exit status
   */
  int run(Path factsFile) {
    String agent = "-javaagent:" + agentJar.toAbsolutePath().normalize() + "=" + SoftDeleteStory.OPTIONS;
    out.title("2. With the agent: the same application and mybatis-config.xml, in a JVM started with the agent");
    out.note("java -javaagent:" + shown(agentJar) + "=" + SoftDeleteStory.OPTIONS + " \\");
    out.note("     -cp <the application's class path> " + AgentChild.class.getName());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        agent,
        "-cp", classPath(),
        AgentChild.class.getName()));
    if (factsFile != null) {
      command.add(factsFile.toString());
    }
    try {
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      child.getOutputStream().close();
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          out.raw(line);
        }
      }
      int status = child.waitFor();
      if (status != 0) {
        out.note("(the child JVM exited with status " + status + ")");
      }
      return status;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the agent run was going on", e);
    }
  }

  /** The jar as a reader would type it: relative to the working directory when it is below it. */
  private static String shown(Path jar) {
    Path absolute = jar.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  /**
   * This JVM's application class path: the entries of the class loader that loaded the demo (under
   * {@code mvn exec:java} that is not the system class loader), else {@code java.class.path}.
   */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader loader = AgentRun.class.getClassLoader(); loader != null; loader = loader.getParent()) {
      if (loader instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file: nothing a child JVM could use
          }
        }
      }
    }
    return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
  }
}
