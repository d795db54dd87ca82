package io.github.softdelete.mybatis.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The purge command in a JVM of its own, killed with SIGKILL part-way (at a pause point it announces on its
 * output), then run again: the table and its archive must hold every row exactly once, the archived copies
 * equal to the rows they came from.
 */
class PurgeCrashTest {
  private static final int OLD_DELETED = 20;
  private static final int ALL = 3 + OLD_DELETED + 2;

  @TempDir
  Path directory;

  private Documents db;
  private List<String> original;

  @BeforeEach
  void createDatabase() throws SQLException {
    // a file database, which the killed JVM and this one open in turn; WRITE_DELAY=0 writes each commit at
    // once (H2 otherwise keeps the last second of commits in memory, and a kill loses them)
    db = new Documents("jdbc:h2:file:" + directory.resolve("purge").toAbsolutePath() + ";WRITE_DELAY=0")
        .create(OLD_DELETED);
    original = db.rows("SELECT id, title, created_at, deleted_at FROM documents ORDER BY id");
  }

  private String[] purgeArguments() {
    return new String[] {"--url", db.url(), "--user", "sa", "--tables", "documents", "--older-than", "30d",
        "--archive-suffix", "_archive", "--batch-size", "3"};
  }

  @Test
  void shouldHoldEveryRowExactlyOnceWhenKilledBetweenBatchesAndRunAgain() throws Exception {
    // when: killed right after batch 2 committed
    String paused = runAndKillAt("afterCommit:2");

    // then
    assertThat(paused).isEqualTo("softdelete purge: paused after the commit of batch 2");
    assertThat(db.ids("documents_archive")).containsExactly("4", "5", "6", "7", "8", "9");
    assertEveryRowExactlyOnce();

    // when: run again to the end
    assertThat(runAgain()).isZero();

    // then
    assertThat(db.ids("documents_archive")).hasSize(OLD_DELETED);
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "24", "25");
    assertEveryRowExactlyOnce();
  }

  @Test
  void shouldLoseAndDuplicateNothingWhenKilledInsideABatchAfterItsCopyAndDelete() throws Exception {
    // when: killed with batch 3 copied and deleted but not committed
    String paused = runAndKillAt("beforeCommit:3");

    // then: batch 3 rolled back; batches 1 and 2 stay done
    assertThat(paused).isEqualTo("softdelete purge: paused before the commit of batch 3");
    assertThat(db.ids("documents_archive")).containsExactly("4", "5", "6", "7", "8", "9");
    assertThat(db.ids("documents")).contains("10", "11", "12").hasSize(ALL - 6);
    assertEveryRowExactlyOnce();

    // when
    assertThat(runAgain()).isZero();

    // then
    assertThat(db.ids("documents_archive")).hasSize(OLD_DELETED);
    assertThat(db.ids("documents")).containsExactly("1", "2", "3", "24", "25");
    assertEveryRowExactlyOnce();
  }

  /** Runs the command in a new JVM told to pause at {@code pausePoint}, kills it there, returns the pause line. */
  private String runAndKillAt(String pausePoint) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-D" + PausePoint.PROPERTY + "=" + pausePoint,
        PurgeCommand.class.getName()));
    command.addAll(List.of(purgeArguments()));
    Path errors = directory.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("softdelete purge: paused")) {
          process.destroyForcibly();
          process.waitFor();
          return line;
        }
      }
    }
    process.waitFor();
    throw new AssertionError("the purge ended (status " + process.exitValue() + ") without pausing; output: "
        + lines + "; errors: " + Files.readString(errors));
  }

  private int runAgain() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
    int status = PurgeCommand.run(purgeArguments(), print, print, false);
    assertThat(sink.toString(StandardCharsets.UTF_8)).doesNotContain("error");
    return status;
  }

  private void assertEveryRowExactlyOnce() throws SQLException {
    List<String> both = db.rows("SELECT id, title, created_at, deleted_at FROM documents UNION ALL"
        + " SELECT id, title, created_at, deleted_at FROM documents_archive ORDER BY id");
    assertThat(both).isEqualTo(original);
    assertThat(both.stream().map(r -> r.substring(0, r.indexOf('|'))).collect(Collectors.toList()))
        .isEqualTo(IntStream.rangeClosed(1, ALL).mapToObj(Integer::toString).toList());
  }
}
