package io.github.softdelete.mybatis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.check.CheckEngines;
import io.github.softdelete.mybatis.rewrite.Dialect;
import org.junit.jupiter.api.Test;

/** {@code detect} reads a database's foreign keys: the tools without one refuse it instead of ignoring it. */
class DetectWithoutDatabaseTest {
  private static final String NEEDS = "needs a database for cascade=detect, which derives relations from the"
      + " database's foreign keys: run it on a database (SoftDeleteCheck.of a configuration with a DataSource,"
      + " doctor --url), or write the relations out (child_table.column->parent_table.column)";

  @Test
  void shouldRefuseToExplainWithRelationsToDetect() {
    EngineFactory engines = EngineFactory.of("tables", "documents:notes", "cascade", "detect");

    Throwable thrown = catchThrowable(() -> Explain.of(engines, Dialect.H2, "DELETE FROM documents WHERE id = ?"));

    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage(NEEDS);
  }

  @Test
  void shouldRefuseToCheckOfflineWithRelationsToDetect() {
    EngineFactory engines = EngineFactory.of("tables", "documents:notes", "cascade", "detect,notes.doc_id->documents.id",
        "restrict", "detect");

    Throwable thrown = catchThrowable(() -> CheckEngines.offline(engines.config(), "H2"));

    assertThat(thrown).isInstanceOf(SoftDeleteException.class).hasMessage("softdelete: a check without a database "
        + NEEDS.replace("cascade=detect,", "cascade=detect and restrict=detect,"));
  }
}
