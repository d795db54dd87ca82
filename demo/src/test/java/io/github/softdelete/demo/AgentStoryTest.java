package io.github.softdelete.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Story 2: the unchanged application in a child JVM started with {@code -javaagent}, as the demo runs it. Needs
 * the agent jar, which the build makes before the demo module ({@code -Ddemo.agentJar}, set by the pom).
 */
class AgentStoryTest {
  private static Facts facts;
  private static String output;

  @BeforeAll
  static void runTheAgentStory(@TempDir Path directory) {
    String jar = System.getProperty(AgentRun.AGENT_JAR_PROPERTY);
    assertThat(jar).as("system property " + AgentRun.AGENT_JAR_PROPERTY + " (set by demo/pom.xml)").isNotBlank();
    assertThat(Path.of(jar)).as("the agent jar; build it first: mvn -pl agent -am package -DskipTests")
        .isRegularFile();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path factsFile = directory.resolve("facts.properties");

    int status = new AgentRun(Path.of(jar), new Printer(new PrintStream(printed, true, StandardCharsets.UTF_8)))
        .run(factsFile);

    output = printed.toString(StandardCharsets.UTF_8);
    assertThat(status).as("exit status of the child JVM; it printed:%n%s", output).isZero();
    assertThat(Files.isRegularFile(factsFile)).as("facts written by the child; it printed:%n%s", output).isTrue();
    facts = Facts.load(factsFile);
  }

  @Test
  void shouldActivateTheAgentWithTheDemosOptions() {
    assertThat(output.lines().filter(line -> line.startsWith("softdelete-agent")))
        .singleElement().asString()
        .contains(" active: ")
        .contains("tables=users:documents:attachments")
        .contains("cascade=attachments.document_id->documents.id");
  }

  @Test
  void shouldKeepHideCascadeAndPurgeTheDeletedRows() {
    SoftDeleteStoryChecks.assertRowsKeptHiddenCascadedAndPurged(facts);
  }

  // the application's own softdelete-mybatis opens the scopes; the agent's interceptor sees them
  @Test
  void shouldRecordWhoAndWhyShowTrashAndRestoreExactlyTheCascadedAttachments() {
    SoftDeleteStoryChecks.assertWhoWhyViewsAndUndo(facts);
  }
}
