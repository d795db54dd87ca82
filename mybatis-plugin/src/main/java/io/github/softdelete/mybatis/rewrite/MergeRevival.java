package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.catalog.TableColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * What a MERGE's {@code WHEN NOT MATCHED [AND q] THEN INSERT (c, ...) VALUES (v, ...)} does to a soft-deleted
 * row whose key it meets: {@code WHEN MATCHED AND (q) AND <deleted> THEN UPDATE SET c = v, ...}, so the row
 * comes back live with exactly the inserted values, every other column (but the key and generated ones) at its
 * default as a new row's, the audit columns cleared and the marker live unless the INSERT writes them itself.
 * The copies of {@code q} and the values keep their parameters and name the source's columns explicitly.
 */
final class MergeRevival {
  private final RewriteContext context;
  private final TableColumns columns;
  private final Table target;
  private final String source;
  private final MergeKey key;

  /**
   * @param source the name the source exposes, or {@code null} when it has none
   * @param key how the ON pins the target's primary key
   */
  MergeRevival(RewriteContext context, TableColumns columns, Table target, String source, MergeKey key) {
    this.context = context;
    this.columns = columns;
    this.target = target;
    this.source = source;
    this.key = key;
  }

  /** The clause that revives a deleted row the way {@code insert} would have inserted it. */
  MergeUpdate of(MergeInsert insert) {
    List<Column> inserted = insert.getColumns() == null ? List.of() : new ArrayList<>(insert.getColumns());
    if (inserted.isEmpty()) {
      throw refused("a WHEN NOT MATCHED INSERT without a column list cannot revive a soft-deleted row whose key"
          + " it meets with exactly the inserted values, since softdelete does not know the table's column order;"
          + " name the columns");
    }
    List<Expression> values = insert.getValues() == null ? List.of() : new ArrayList<>(insert.getValues());
    if (values.size() != inserted.size()) {
      throw refused("the WHEN NOT MATCHED INSERT names " + inserted.size() + " columns but gives " + values.size()
          + " values");
    }
    checkWritesTheKey(inserted, values);
    SoftDeleteMarker marker = context.markerOf(target);
    List<UpdateSet> sets = new ArrayList<>();
    Set<String> named = new HashSet<>(key.columns());
    Expression markerValue = marker.liveValue();
    List<Expression> audit = new ArrayList<>(List.of(new NullValue(), new NullValue()));
    for (int i = 0; i < inserted.size(); i++) {
      String name = inserted.get(i).getColumnName();
      if (!named.add(key(name))) {
        continue;
      }
      if (sameName(name, marker.column())) {
        markerValue = copy(values.get(i));
      } else if (sameName(name, marker.deletedByColumn())) {
        audit.set(0, copy(values.get(i)));
      } else if (sameName(name, marker.deleteReasonColumn())) {
        audit.set(1, copy(values.get(i)));
      } else {
        sets.add(new UpdateSet(new Column(name), copy(values.get(i))));
      }
    }
    for (String name : columns.resetOnRevive(target.getUnquotedName())) {
      if (!isDeletionColumn(name, marker) && named.add(key(name))) {
        // DEFAULT: what the new row would have held, as MERGE's UPDATE SET allows on H2 and PostgreSQL
        sets.add(new UpdateSet(new Column(quoted(name)), new Column("DEFAULT")));
      }
    }
    if (marker.deletedByColumn() != null) {
      sets.add(new UpdateSet(new Column(marker.deletedByColumn()), audit.get(0)));
    }
    if (marker.deleteReasonColumn() != null) {
      sets.add(new UpdateSet(new Column(marker.deleteReasonColumn()), audit.get(1)));
    }
    sets.add(new UpdateSet(marker.columnOf(null), markerValue));
    MergeUpdate revive = new MergeUpdate(sets);
    Expression deleted = marker.deleted(RewriteContext.qualifierTable(target));
    revive.setAndPredicate(insert.getAndPredicate() == null ? deleted
        : Predicates.and(copy(insert.getAndPredicate()), deleted));
    return revive;
  }

  // the INSERT must write the very key the ON matched, or the row it meets is not the one it would have met
  private void checkWritesTheKey(List<Column> inserted, List<Expression> values) {
    for (String column : key.columns()) {
      int index = -1;
      for (int i = 0; i < inserted.size() && index < 0; i++) {
        if (sameName(inserted.get(i).getColumnName(), column)) {
          index = i;
        }
      }
      Expression matched = key.valueOf(column);
      if (index < 0 || !ExpressionCopy.canonical(copy(values.get(index)), target)
          .equals(ExpressionCopy.canonical(matched, target))) {
        throw refused("the WHEN NOT MATCHED INSERT does not write into " + column + " the value the ON matches it"
            + " with (" + matched + "), so the soft-deleted row the MERGE meets is not the one the INSERT would"
            + " meet; insert " + matched + " into " + column);
      }
    }
  }

  private Expression copy(Expression expression) {
    return ExpressionCopy.of(expression, source, target);
  }

  // the name as the database stores it, quoted: exact whatever its case, and safe if it is a keyword
  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static boolean isDeletionColumn(String name, SoftDeleteMarker marker) {
    return sameName(name, marker.column()) || sameName(name, marker.deletedByColumn())
        || sameName(name, marker.deleteReasonColumn());
  }

  private static boolean sameName(String a, String b) {
    return b != null && key(a).equals(key(b));
  }

  private static String key(String name) {
    return MultiPartName.unquote(name).toLowerCase(Locale.ROOT);
  }

  private RewriteRefusedException refused(String reason) {
    return new RewriteRefusedException(RewriteContext.displayName(target), reason);
  }
}
