package io.github.softdelete.mybatis.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.RewriteRefusedException;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rewrite grown from a statement's shape is the rewrite of its own text: the same string, the same
 * bindings, the same cascade statements, for IN-lists of every length in every place a statement has them.
 */
class StatementShapeTest {
  private static final int LONGEST = 50;
  // soft: users, orders, order_items; cascades; who and why, so that DELETEs add values of their own
  private static final EngineFactory ENGINES = EngineFactory.of("tables", "users:orders:order_items:documents",
      "deletedByColumn", "deleted_by", "deleteReasonColumn", "delete_reason",
      "cascade", "orders.user_id->users.id,order_items.order_id->orders.id");

  /** Each template's {@code %s} is an IN-list of placeholders; {@code %t} a second one. */
  private static final List<String> TEMPLATES = List.of(
      "SELECT * FROM users WHERE id IN (%s)",
      "select u.name from users u where u.id in (%s) and u.name = ?",
      "SELECT * FROM users WHERE name = ? AND id NOT IN (%s) AND age > ?",
      "SELECT * FROM users WHERE id IN (%s) OR manager_id IN (%t)",
      "SELECT * FROM orders WHERE user_id IN (SELECT id FROM users WHERE id IN (%s) AND name = ?)",
      "SELECT o.id FROM orders o LEFT JOIN users u ON u.id = o.user_id AND u.id IN (%s) WHERE o.total > ?",
      "SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id WHERE o.id IN (%s) AND u.id IN (%t)",
      "SELECT * FROM plain WHERE id IN (%s)",
      "SELECT * FROM users WHERE status = 'IN (?, ?, ?)' AND id IN (%s)",
      "SELECT * FROM users WHERE id IN (%s) AND deleted_at IS NULL",
      "SELECT * FROM users WHERE deleted_at IN (%s)",
      "SELECT COUNT(*) FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.id IN (%s))",
      "SELECT * FROM users WHERE id IN (%s) UNION SELECT * FROM users WHERE id IN (%t)",
      "UPDATE users SET name = ? WHERE id IN (%s)",
      "UPDATE users SET name = ? WHERE id IN (%s) AND age > ?",
      "UPDATE orders SET total = ? WHERE user_id IN (SELECT id FROM users WHERE id IN (%s))",
      "DELETE FROM users WHERE id IN (%s)",
      "DELETE FROM orders WHERE id IN (%s) AND total < ?",
      "DELETE FROM order_items WHERE order_id IN (%s) OR id IN (%t)",
      "DELETE FROM plain WHERE id IN (%s)",
      "DELETE FROM documents WHERE user_id IN (SELECT id FROM users WHERE id IN (%s))",
      "INSERT INTO plain (a) SELECT id FROM users WHERE id IN (%s)",
      "SELECT * FROM users WHERE id IN(%s)",
      "SELECT * FROM users WHERE id IN  (  %s  )");

  @Test
  void shouldGrowTheSameRewriteAsTheFullTextForEveryLength() {
    for (Dialect dialect : List.of(Dialect.UNKNOWN, Dialect.H2, Dialect.MYSQL)) {
      SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(dialect);
      for (SoftDeleteMode mode : SoftDeleteMode.values()) {
        ShapeCache shapes = new ShapeCache(rewriter, 1_000);
        int grown = 0;
        for (String template : TEMPLATES) {
          for (int length = 1; length <= LONGEST; length++) {
            // MyBatis's own separators and others; each on a few lengths, which is what the shape cuts
            String separator = List.of(", ", ",", " , ", ",\n  ").get(length % 4);
            String sql = template.replace("%s", list(length, separator))
                .replace("%t", list(LONGEST + 1 - length, separator));
            grown += assertSameAsFullText(shapes, rewriter, sql, mode) ? 1 : 0;
          }
        }
        // every template on a soft table grows each length of three or more
        assertThat(grown).as("grown in %s, %s", dialect, mode)
            .isGreaterThanOrEqualTo((TEMPLATES.size() - 2) * (LONGEST - 2));
      }
    }
    assertThat(withBindings).as("grown with values added").isPositive();
    assertThat(withCascades).as("grown with cascades").isPositive();
  }

  @Test
  void shouldGrowUpsertsAndMergesAsTheirFullText() {
    List<String> statements = List.of(
        "INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = ?"
            + " WHERE users.id NOT IN (%s)",
        "MERGE INTO users u USING (SELECT id, name FROM staging WHERE id IN (%s)) s ON (u.id = s.id)"
            + " WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, ?)");
    for (Dialect dialect : List.of(Dialect.H2, Dialect.POSTGRESQL)) {
      SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(dialect);
      ShapeCache shapes = new ShapeCache(rewriter, 1_000);
      for (String template : statements) {
        for (int length = 3; length <= 20; length++) {
          assertSameAsFullText(shapes, rewriter, template.replace("%s", list(length, ", ")), SoftDeleteMode.DEFAULT);
        }
      }
    }
  }

  @Test
  void shouldKeepSqlOnNoSoftTableTheVerySameString() {
    SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(Dialect.H2);
    ShapeCache shapes = new ShapeCache(rewriter, 1_000);
    RewriteCache cache = ENGINES.cache(rewriter, RewriteCache.Notes.NONE);
    String sql = new String("SELECT * FROM plain WHERE id IN (" + list(7, ",") + ") AND name = 'x'");

    // it never reaches the shapes: the engine hands it back unparsed, and the cache runs it as written
    assertThat(shapes.resultFor(sql, SoftDeleteMode.DEFAULT)).isNull();
    assertThat(shapes.size()).isZero();
    assertThat(cache.resultFor("s", sql, SoftDeleteMode.DEFAULT)).isNull();
    assertThat(rewriter.rewrite(sql, SoftDeleteMode.DEFAULT).sql()).isSameAs(sql);
  }

  @Test
  void shouldGiveNoAnswerForARefusedShapeSoThatTheTextIsRefusedWithItsOwnReason() {
    SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(Dialect.H2);
    RewriteCache cache = ENGINES.cache(rewriter, RewriteCache.Notes.NONE);
    String sql = "SELECT * FROM users WHERE id IN (?, ?, ?) AND name ~~~ ?";

    RewriteRefusedException viaCache = catchThrowableOfType(RewriteRefusedException.class,
        () -> cache.resultFor("s", sql, SoftDeleteMode.DEFAULT));
    RewriteRefusedException direct = catchThrowableOfType(RewriteRefusedException.class,
        () -> rewriter.rewrite(sql, SoftDeleteMode.DEFAULT));

    assertThat(new ShapeCache(rewriter, 10).resultFor(sql, SoftDeleteMode.DEFAULT)).isNull();
    assertThat(viaCache).isNotNull();
    assertThat(viaCache.getMessage()).isEqualTo(direct.getMessage());
  }

  @Test
  void shouldLeaveTextItCannotReadWithCertaintyToTheFullRewrite() {
    for (String sql : List.of(
        "SELECT * FROM users WHERE id IN (?, ?, ?) -- note",
        "SELECT * FROM users /* note */ WHERE id IN (?, ?, ?)",
        "SELECT * FROM users WHERE name = 'a\\'' AND id IN (?, ?, ?)",
        "SELECT * FROM users WHERE name = $$x$$ AND id IN (?, ?, ?)",
        "SELECT * FROM users WHERE name = q'[it's]' AND id IN (?, ?, ?)",
        "SELECT * FROM users WHERE data ?| ? AND id IN (?, ?, ?)",
        "SELECT * FROM users WHERE id IN (?, ?)",
        "SELECT * FROM users WHERE id IN (?, ?, 3)",
        "SELECT * FROM users WHERE (a, b) IN ((?, ?), (?, ?), (?, ?))",
        "SELECT * FROM users WHERE name = 'unclosed AND id IN (?, ?, ?)")) {
      assertThat(StatementShape.of(sql)).as(sql).isNull();
    }
  }

  @Test
  void shouldCutEveryLongListToItsFirstTwoItems() {
    StatementShape shape = StatementShape.of("SELECT * FROM users WHERE a = ? AND id IN (?,?,?,?) OR b IN (? , ? , ?)");

    assertThat(shape.canonical()).isEqualTo("SELECT * FROM users WHERE a = ? AND id IN (?,?) OR b IN (? , ?)");
    assertThat(shape.canonicalPlaceholders()).isEqualTo(5);
    // a = ?: one item; the first list opens at its first ? and stands for its four items
    assertThat(shape.role(0)).isEqualTo(StatementShape.ONE);
    assertThat(shape.role(1)).isEqualTo(StatementShape.GROUPS);
    assertThat(shape.groups(1)).isEqualTo(4);
    assertThat(shape.firstItem(1)).isEqualTo(1);
    assertThat(shape.role(2)).isEqualTo(StatementShape.FOLLOWS);
    assertThat(shape.role(3)).isEqualTo(StatementShape.GROUPS);
    assertThat(shape.groups(3)).isEqualTo(3);
    assertThat(shape.parameter(shape.firstItem(3))).isEqualTo(5);
  }

  @Test
  void shouldParseEachShapeOnceWhateverTheLength() {
    SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(Dialect.H2);
    List<String> parsed = new ArrayList<>();
    RewriteCache cache = ENGINES.cache(rewriter, new RewriteCache.Notes() {
      @Override
      public void rewritten(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
          RewriteResult result) {
        parsed.add(sql);
      }
    });

    for (int length = 1; length <= 300; length++) {
      cache.resultFor("s", "SELECT * FROM users WHERE id IN (" + list(length, ", ") + ")", SoftDeleteMode.DEFAULT);
    }

    // told once per text, as before; the shapes behind them: one
    assertThat(parsed).hasSize(300);
    assertThat(cache.size()).isEqualTo(301);
  }

  private static int withBindings;
  private static int withCascades;

  /** Whether the statement was grown from its shape; fails when that differs from its full-text rewrite. */
  private static boolean assertSameAsFullText(ShapeCache shapes, SqlRewriter rewriter, String sql,
      SoftDeleteMode mode) {
    RewriteResult grown = ShapeComparison.grownAsFullText(shapes, rewriter, sql, mode);
    if (grown == null) {
      return false;
    }
    withBindings += grown.bindings() == null ? 0 : 1;
    withCascades += grown.before().isEmpty() ? 0 : 1;
    return true;
  }

  private static String list(int length, String separator) {
    return IntStream.range(0, length).mapToObj(i -> "?").collect(Collectors.joining(separator));
  }
}
