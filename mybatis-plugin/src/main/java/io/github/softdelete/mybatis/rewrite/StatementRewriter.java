package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.TableColumns;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/** Sends each kind of statement to the rule for it; kinds without a rule are left to the coverage check. */
final class StatementRewriter {
  private final RewriteContext context;
  private final SelectFilter selects;
  private final UpsertRewriter upserts;
  private final Dialect dialect;
  private final TableColumns columns;

  /**
   * @param dialect the database the statement runs on: upserts and MERGE are converted per database, and a
   *     DELETE it would not run is refused
   */
  StatementRewriter(RewriteContext context, Dialect dialect, TableColumns columns) {
    this.context = context;
    this.selects = new SelectFilter(context);
    this.upserts = new UpsertRewriter(context, dialect, columns);
    this.dialect = dialect;
    this.columns = columns;
  }

  Statement rewrite(Statement statement) {
    if (statement instanceof Select select) {
      rewriteSelect(select);
    } else if (statement instanceof Delete delete) {
      return new DeleteRewriter(context, selects, dialect).rewrite(delete);
    } else if (statement instanceof Update update) {
      return new UpdateRewriter(context, selects).rewrite(update);
    } else if (statement instanceof Insert insert) {
      rewriteInsert(insert);
    } else if (statement instanceof Upsert upsert) {
      rewriteUpsert(upsert);
    } else if (statement instanceof Merge merge) {
      return new MergeRewriter(context, selects, dialect, columns).rewrite(merge);
    } else if (statement instanceof Truncate truncate) {
      refuseErasure(truncate.getTables() != null && !truncate.getTables().isEmpty()
          ? truncate.getTables() : List.of(truncate.getTable()), "TRUNCATE");
    } else if (statement instanceof Drop drop && "TABLE".equalsIgnoreCase(drop.getType())) {
      refuseErasure(List.of(drop.getName()), "DROP TABLE");
    } else if (statement instanceof ExplainStatement explain && explain.getStatement() != null) {
      rewriteSelect(explain.getStatement());
    } else if (isSchemaChange(statement)) {
      // ALTER TABLE users ..., CREATE INDEX ON users ...: they neither read nor erase rows
      AstWalker.walk(statement, node -> {
        if (node instanceof Table table) {
          context.handled(table);
        }
        return true;
      });
    }
    return statement;
  }

  /** A SELECT statement: in {@code OnlyDeleted} its entity shows deleted rows, everything else live ones. */
  private void rewriteSelect(Select select) {
    if (context.mode == SoftDeleteMode.ONLY_DELETED) {
      context.showDeletedRowsOf(TrashEntities.of(context, select));
    }
    selects.filter(select);
  }

  private void rewriteInsert(Insert insert) {
    Table target = insert.getTable();
    context.handled(target);
    selects.withCtes(insert.getWithItemsList(), () -> {
      // a target whose deleted rows the scope shows meets them as IncludeDeleted does: as written
      if (context.isSoft(target) && context.filters(target)) {
        upserts.rewrite(insert);
      }
      if (insert.getSelect() != null) {
        // a write decides on live rows in every mode: OnlyDeleted shows the trash to reads, and a check such
        // as NOT EXISTS (SELECT ... FROM t) must not count deleted rows
        selects.filter(insert.getSelect());
      }
      selects.filterSubqueries(insert, insert.getSelect() == null ? Set.of() : Set.of(insert.getSelect()));
    });
  }

  private void rewriteUpsert(Upsert upsert) {
    Table target = upsert.getTable();
    context.handled(target);
    if (context.isSoft(target)) {
      throw new RewriteRefusedException(RewriteContext.displayName(target),
          upsert.getUpsertType() + " replaces or updates the row whose key it meets, soft-deleted or not;"
              + " use INSERT, or UPDATE the live row");
    }
    if (upsert.getSelect() != null) {
      selects.filter(upsert.getSelect());
    }
    selects.filterSubqueries(upsert, upsert.getSelect() == null ? Set.of() : Set.of(upsert.getSelect()));
  }

  private void refuseErasure(List<Table> tables, String kind) {
    for (Table table : tables) {
      context.handled(table);
      if (context.isSoft(table) && context.mode != SoftDeleteMode.HARD_DELETE) {
        throw new RewriteRefusedException(RewriteContext.displayName(table),
            kind + " would erase every row, soft-deleted or not; run it inside HardDelete.run(...)"
                + " if that is intended");
      }
    }
  }

  private static boolean isSchemaChange(Statement statement) {
    return statement instanceof Alter || statement instanceof CreateIndex || statement instanceof Comment
        || statement instanceof Analyze
        || statement instanceof CreateTable create && create.getSelect() == null;
  }
}
