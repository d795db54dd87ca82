package io.github.softdelete.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * What every fixture application prints, and what it must print with and without soft deletes. The fixtures
 * have users alice, bob and carol (carol's deleted_at is set) and two notes (a table without deleted_at); they
 * list users, delete alice, list again, delete a note, then count the rows past MyBatis with plain JDBC.
 */
final class Scenario {
  private Scenario() {}

  static void assertSoftDeletes(Child child) {
    assertThat(child.lines()).as(child.text()).contains(
        "users: [alice, bob]",
        "deleted users: 1",
        "users after delete: [bob]",
        "notes deleted: 1",
        "users rows in table: 3",
        "notes rows in table: 1");
  }

  static void assertPlainDeletes(Child child) {
    assertThat(child.lines()).as(child.text()).contains(
        "users: [alice, bob, carol]",
        "deleted users: 1",
        "users after delete: [bob, carol]",
        "notes deleted: 1",
        "users rows in table: 2",
        "notes rows in table: 1");
  }

  /**
   * MyBatis logs each statement as it prepares it: every statement on users was rewritten, none twice (after
   * {@code ready}, when the fixture waited for an attach).
   */
  static void assertRewrittenOnce(Child child) {
    List<String> lines = child.lines().subList(child.lines().indexOf("ready") + 1, child.lines().size());
    assertThat(lines.stream().filter(l -> l.contains("Preparing:") && l.contains("FROM users")))
        .as(child.text())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.split("deleted_at IS NULL", -1)).hasSize(2));
  }

  static void assertActivated(Child child) {
    assertThat(child.lines()).as(child.text())
        .anySatisfy(l -> assertThat(l).startsWith("softdelete-agent ").contains(" active: column="));
  }
}
