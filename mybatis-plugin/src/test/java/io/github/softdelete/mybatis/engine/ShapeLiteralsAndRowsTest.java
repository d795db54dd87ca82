package io.github.softdelete.mybatis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.TableColumns;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Literals ({@code ${}} values) and multi-row VALUES through the shape cache: the rewrite grown from the shape
 * is the rewrite of the statement's own text, in every dialect and mode; what the rules read, and what a
 * database needs as a literal, stays in the key.
 */
class ShapeLiteralsAndRowsTest {
  private static final EngineFactory ENGINES = EngineFactory.of("tables", "users:orders:order_items:documents",
      "deletedByColumn", "deleted_by", "deleteReasonColumn", "delete_reason",
      "cascade", "orders.user_id->users.id,order_items.order_id->orders.id",
      "restrict", "documents.user_id->users.id");
  private static final List<Dialect> DIALECTS = List.of(Dialect.UNKNOWN, Dialect.H2, Dialect.MYSQL,
      Dialect.POSTGRESQL);
  private static final TableColumns COLUMNS = TableColumns.of(Map.of("users",
      List.of("id", "name", "visits", "deleted_at", "deleted_by", "delete_reason")));

  /** The literals a {@code ${}} writes: numbers and strings, one of them a soft table's name. */
  private static final List<String> VALUES = List.of("17", "0", "123456789012", "1.5", "'x'", "''", "'it''s'",
      "'users'", "'IN (?, ?, ?)'", "'a = 1 AND b'", "'O''Brien'", "42");

  /** {@code %v} a literal, {@code %w} another; {@code %s} an IN-list of placeholders, {@code %l} of literals. */
  private static final List<String> TEMPLATES = List.of(
      "SELECT * FROM users WHERE id = %v",
      "select u.name from users u where u.id = %v and u.name = ?",
      "SELECT * FROM users WHERE name = %v AND id IN (%s)",
      "SELECT * FROM users u WHERE u.id <> %v ORDER BY u.id",
      "SELECT * FROM users WHERE (id >= %v) LIMIT 10",
      "SELECT * FROM users WHERE id<%v AND id>%w",
      "SELECT * FROM users WHERE id != %v OR name <= %w",
      "SELECT o.id FROM orders o LEFT JOIN users u ON u.id = o.user_id AND u.name = %v WHERE o.total > %w",
      "SELECT * FROM orders WHERE user_id IN (SELECT id FROM users WHERE name = %v) AND total = %w",
      "SELECT * FROM users WHERE CASE WHEN id = %v THEN 1 ELSE 0 END = 1",
      "SELECT * FROM users WHERE id = %v UNION SELECT * FROM users WHERE id = %w",
      "SELECT * FROM users WHERE id IN (%l)",
      "SELECT * FROM users WHERE id IN (%l) AND name = %v",
      "SELECT COUNT(*) FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.total = %v)",
      "UPDATE users SET name = %v WHERE id = %w",
      "UPDATE users SET name = ?, visits = %v WHERE id IN (%s)",
      "DELETE FROM users WHERE id = %v",
      "DELETE FROM users WHERE id = %v AND name = ?",
      "DELETE FROM orders WHERE total < %v AND id IN (%s)",
      "DELETE FROM orders WHERE id IN (%l)",
      "DELETE FROM order_items WHERE order_id = %v",
      "INSERT INTO orders (user_id) SELECT id FROM users WHERE name = %v",
      "MERGE INTO users u USING (SELECT id, name FROM staging WHERE id = %v AND id IN (%s)) s ON (u.id = s.id)"
          + " WHEN MATCHED THEN UPDATE SET name = %w WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, ?)",
      "SELECT * FROM plain WHERE id = %v",
      "SELECT * FROM plain WHERE name = %v AND id IN (%l)");

  /** {@code %r} rows of placeholders. */
  private static final List<String> ROW_TEMPLATES = List.of(
      "INSERT INTO users (id, name) VALUES %r",
      "INSERT INTO users (id) VALUES %r",
      "INSERT INTO users(id,name,visits)VALUES%r",
      "INSERT INTO users (id, name) VALUES %r ON CONFLICT (id) DO NOTHING",
      "INSERT INTO users (id, name) VALUES %r ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
      "INSERT INTO users (id, name) VALUES %r ON DUPLICATE KEY UPDATE name = VALUES(name)",
      "INSERT INTO users (id, name) VALUES %r ON DUPLICATE KEY UPDATE name = 'again'",
      "INSERT INTO orders (id, user_id) SELECT * FROM (VALUES %r) v WHERE v.user_id IN (SELECT id FROM users)",
      "INSERT INTO plain (a, b) VALUES %r");

  @Test
  void shouldPutLiteralsBackAsTheFullTextRewriteHasThem() {
    Map<String, Integer> grownByTemplate = new LinkedHashMap<>();
    for (Dialect dialect : DIALECTS) {
      for (SqlRewriter rewriter : List.of(ENGINES.rewriterWithoutDatabase(dialect),
          ENGINES.rewriterWithoutDatabase(dialect).withColumns(COLUMNS))) {
        for (SoftDeleteMode mode : SoftDeleteMode.values()) {
          ShapeCache shapes = new ShapeCache(rewriter, 1_000);
          for (String template : TEMPLATES) {
            for (int n = 0; n < VALUES.size(); n++) {
              String sql = template.replace("%v", VALUES.get(n)).replace("%w", VALUES.get(VALUES.size() - 1 - n))
                  .replace("%s", placeholders(1 + n % 6)).replace("%l", literals(1 + n, n));
              RewriteResult grown = ShapeComparison.grownAsFullText(shapes, rewriter, sql, mode);
              grownByTemplate.merge(template, grown == null ? 0 : 1, Integer::sum);
            }
          }
        }
      }
    }
    grownByTemplate.forEach((template, grown) -> {
      if (template.contains("plain")) {
        assertThat(grown).as("no soft table, not shaped: %s", template).isZero();
      } else {
        assertThat(grown).as("grown: %s", template).isPositive();
      }
    });
  }

  @Test
  void shouldGrowValuesRowsAsTheFullTextRewriteHasThem() {
    Map<String, Integer> grownByTemplate = new LinkedHashMap<>();
    for (Dialect dialect : DIALECTS) {
      for (SqlRewriter rewriter : List.of(ENGINES.rewriterWithoutDatabase(dialect),
          ENGINES.rewriterWithoutDatabase(dialect).withColumns(COLUMNS))) {
        for (SoftDeleteMode mode : SoftDeleteMode.values()) {
          ShapeCache shapes = new ShapeCache(rewriter, 1_000);
          for (String template : ROW_TEMPLATES) {
            int width = template.contains("visits") ? 3 : template.contains("users (id) ") ? 1 : 2;
            for (int rows = 1; rows <= 12; rows++) {
              String separator = List.of(", ", ",", " ,\n ").get(rows % 3);
              String sql = template.replace("%r", rows(rows, width, separator));
              RewriteResult grown = ShapeComparison.grownAsFullText(shapes, rewriter, sql, mode);
              grownByTemplate.merge(template + " " + dialect, grown == null ? 0 : 1, Integer::sum);
            }
          }
        }
      }
    }
    // plain INSERTs are left as written, the very same string; upserts are converted where their dialect is
    for (String template : ROW_TEMPLATES) {
      if (!template.contains("plain")) {
        assertThat(grownByTemplate.get(template + " " + Dialect.H2)).as("grown on H2: %s", template).isPositive();
      }
    }
    assertThat(grownByTemplate.get(ROW_TEMPLATES.get(4) + " " + Dialect.POSTGRESQL)).isPositive();
    assertThat(grownByTemplate.get(ROW_TEMPLATES.get(5) + " " + Dialect.MYSQL)).isPositive();
  }

  @Test
  void shouldConvertAMultiRowUpsertGrownFromItsShapeAsItsOwnText() {
    SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(Dialect.POSTGRESQL).withColumns(COLUMNS);
    ShapeCache shapes = new ShapeCache(rewriter, 10);
    String sql = "INSERT INTO users (id, name) VALUES " + rows(5, 2, ", ")
        + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name";

    RewriteResult grown = ShapeComparison.grownAsFullText(shapes, rewriter, sql, SoftDeleteMode.DEFAULT);

    assertThat(grown).isNotNull();
    assertThat(grown.changed()).isTrue();
    assertThat(grown.sql()).contains("(?, ?), (?, ?), (?, ?), (?, ?), (?, ?)").contains("deleted_at");
  }

  @Test
  void shouldShareOneRewriteAmongStatementsThatDifferOnlyByALiteral() {
    SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(Dialect.H2);
    List<String> parsed = new ArrayList<>();
    RewriteCache cache = ENGINES.cache(rewriter, new RewriteCache.Notes() {
      @Override
      public void rewritten(String statementId, String sql, SoftDeleteMode mode, IncludeDeleted.Tables tables,
          RewriteResult result) {
        parsed.add(sql);
      }
    });

    for (int id = 1; id <= 300; id++) {
      RewriteResult byId = cache.resultFor("s", "SELECT * FROM users WHERE id = " + id, SoftDeleteMode.DEFAULT);
      RewriteResult byName = cache.resultFor("s", "SELECT * FROM users WHERE name = 'n" + id + "'",
          SoftDeleteMode.DEFAULT);
      assertThat(byId.sql()).isEqualTo("SELECT * FROM users WHERE (id = " + id + ") AND users.deleted_at IS NULL");
      assertThat(byName.sql()).isEqualTo("SELECT * FROM users WHERE (name = 'n" + id + "') AND users.deleted_at IS NULL");
      assertThat(byId.bindings()).isNull();
    }

    // 600 texts, two shapes behind them
    assertThat(parsed).hasSize(600);
    assertThat(cache.size()).isEqualTo(602);
  }

  @Test
  void shouldTakeOutOnlyLiteralsComparedAndEndedForCertain() {
    Set<String> markers = ENGINES.rewriterWithoutDatabase(Dialect.H2).markerAndAuditColumns();

    assertThat(markers).containsExactlyInAnyOrder("deleted_at", "deleted_by", "delete_reason");
    assertThat(StatementShape.of("SELECT * FROM users WHERE id = 17 AND name='x' AND a >= 1.5 LIMIT 10", markers)
        .canonical()).isEqualTo("SELECT * FROM users WHERE id = ? AND name=? AND a >= ? LIMIT 10");
    assertThat(StatementShape.of("SELECT * FROM users WHERE id IN (1, '2', ?) AND b IN (7, 8)", markers)
        .canonical()).isEqualTo("SELECT * FROM users WHERE id IN (?, ?) AND b IN (7, 8)");
    // without the marker columns given, literals stay
    assertThat(StatementShape.of("SELECT * FROM users WHERE id = 17")).isNull();
  }

  @Test
  void shouldKeepInTheKeyWhatTheRulesReadOrTheDatabaseNeedsAsALiteral() {
    Set<String> markers = ENGINES.rewriterWithoutDatabase(Dialect.H2).markerAndAuditColumns();
    for (String sql : List.of(
        // the rules read these columns' values: a marker test the application wrote, audit columns
        "SELECT * FROM users WHERE deleted_at = '2020-01-01' AND id = 1",
        "SELECT * FROM users WHERE id = 1 AND \"DELETED_BY\" = 'x'",
        "UPDATE users SET delete_reason = 'x' WHERE id = 5",
        // a MERGE's rewrite tells a literal key from a parameter
        "MERGE INTO users u USING staging s ON (u.id = s.id AND u.id = 5) WHEN MATCHED THEN UPDATE SET name = s.name",
        // the database needs them as literals, or the text around them is more than an operand
        "SELECT * FROM users WHERE created > DATE '2020-01-01'",
        "SELECT * FROM users WHERE created > TIMESTAMP '2020-01-01 00:00:00'",
        "SELECT * FROM users WHERE created > NOW() - INTERVAL '1' DAY",
        "SELECT * FROM users WHERE created > NOW() - INTERVAL 1 DAY",
        "SELECT * FROM users WHERE created = '2020-01-01'::date",
        "SELECT * FROM users WHERE created = '2020-01-01' :: date",
        "SELECT * FROM users WHERE id = -1",
        "SELECT * FROM users WHERE id =-1",
        "SELECT * FROM users WHERE id = 1 + 2",
        "SELECT * FROM users WHERE id = 1e5",
        "SELECT * FROM users WHERE id = 0x1F",
        "SELECT * FROM users WHERE id = 12345678901234567890",
        "SELECT * FROM users WHERE id = 1.",
        "SELECT * FROM users WHERE name = E'x'",
        "SELECT * FROM users WHERE name = N'x'",
        "SELECT * FROM users WHERE name = X'0A'",
        "SELECT * FROM users WHERE name = _utf8'x'",
        "SELECT * FROM users WHERE name = 'a' || 'b'",
        "SELECT * FROM users WHERE name = 'a' 'b'",
        "SELECT * FROM users WHERE name = \"x\"",
        "SELECT * FROM users WHERE name = 'a\\'b'",
        "SELECT * FROM users WHERE name = q'[x]'",
        "SELECT * FROM users WHERE name := 'x'",
        "SELECT * FROM users WHERE data->>'a' = ?",
        "SELECT * FROM users WHERE a <=> 1",
        "SELECT * FROM users WHERE name LIKE 'a%'",
        "SELECT * FROM users WHERE id BETWEEN 1 AND 5",
        "SELECT * FROM users WHERE id = 5 COLLATE x",
        "SELECT * FROM users LIMIT 10 OFFSET 5",
        "SELECT * FROM users FETCH FIRST 10 ROWS ONLY",
        "SELECT * FROM users WHERE name = 'x' -- note",
        "SELECT * FROM users WHERE name = 'unclosed",
        "SELECT CAST(name AS VARCHAR(10)) FROM users",
        "SELECT * FROM users WHERE id IN (1, 2)",
        "INSERT INTO users (id, name) VALUES (?, 'x')",
        "INSERT INTO users (id, name) VALUES (?, ?), (?, ?)",
        "INSERT INTO users (id, name) VALUES (?, ?), (?, ?), (?)",
        "INSERT INTO users (id, name) VALUES (?, 1), (?, 2), (?, 3)")) {
      assertThat(StatementShape.of(sql, markers)).as(sql).isNull();
    }
  }

  @Test
  void shouldRewriteAStatementWhoseOnlySoftNameIsInALiteralFromItsText() {
    SqlRewriter rewriter = ENGINES.rewriterWithoutDatabase(Dialect.H2);
    ShapeCache shapes = new ShapeCache(rewriter, 10);
    String sql = "SELECT * FROM plain WHERE name = 'users'";

    // the engine parses it, since it names users; the shape would not: so no shape answers for it
    assertThat(rewriter.mayTouchSoftTable(sql)).isTrue();
    assertThat(shapes.resultFor(sql, SoftDeleteMode.DEFAULT)).isNull();
    assertThat(shapes.size()).isZero();
  }

  private static String placeholders(int length) {
    return IntStream.range(0, length).mapToObj(i -> "?").collect(Collectors.joining(", "));
  }

  // literals, numbers and strings mixed, as IN-list items
  private static String literals(int length, int seed) {
    return IntStream.range(0, length).mapToObj(i -> (i + seed) % 3 == 0 ? "'v" + i + "'" : String.valueOf(i * 7))
        .collect(Collectors.joining(seed % 2 == 0 ? ", " : ","));
  }

  private static String rows(int rows, int width, String separator) {
    String row = "(" + IntStream.range(0, width).mapToObj(i -> "?").collect(Collectors.joining(", ")) + ")";
    return IntStream.range(0, rows).mapToObj(i -> row).collect(Collectors.joining(separator));
  }
}
