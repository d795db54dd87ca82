package io.github.softdelete.mybatis.rewrite;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.IncludeDeleted;
import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.catalog.SoftTables;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;

/**
 * The state of one statement's rewrite: the mode, the tables whose deleted rows the scope shows, what is soft,
 * which CTE names hide tables of the same name, and which table references have been dealt with (the coverage
 * check reads that).
 */
final class RewriteContext {
  private final SoftDeleteMarker marker;
  final SoftDeleteMode mode;
  final List<Cascade> cascades;
  // the restrict relations; set after construction by the engine, so that every caller keeps its constructor
  List<Cascade> restricts = List.of();
  // the cascade's statements, printed but not yet bound, in the order they must run
  final List<PlannedStatement> before = new ArrayList<>();
  private final SoftTables tables;
  // the tables of an IncludeDeleted.tables(...) scope, matched as soft tables are; null when none
  private final SoftTables allRowsOf;
  private final Deque<Set<String>> cteScopes = new ArrayDeque<>();
  private final Set<Table> handled = Collections.newSetFromMap(new IdentityHashMap<>());
  private final boolean respectExplicitMarkers;
  // the references whose own query block constrains their marker (ExplicitMarkers decides, block by block)
  private final Set<Table> constrained = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<RewriteResult.LeftAsWritten> leftAsWritten = new ArrayList<>();
  // the references OnlyDeleted shows the deleted rows of (TrashEntities decides, once per statement)
  private Set<Table> trashEntities = Collections.emptySet();
  private boolean changed;

  RewriteContext(SoftTables tables, SoftDeleteMarker marker, SoftDeleteMode mode, List<Cascade> cascades) {
    this(tables, marker, mode, cascades, true);
  }

  /** @param respectExplicitMarkers whether a reference whose block constrains its marker is left as written */
  RewriteContext(SoftTables tables, SoftDeleteMarker marker, SoftDeleteMode mode, List<Cascade> cascades,
      boolean respectExplicitMarkers) {
    this(tables, marker, mode, IncludeDeleted.Tables.none(), cascades, respectExplicitMarkers);
  }

  /** @param allRowsOf the tables whose every reference reads all rows, unless OnlyDeleted shows its trash */
  RewriteContext(SoftTables tables, SoftDeleteMarker marker, SoftDeleteMode mode, IncludeDeleted.Tables allRowsOf,
      List<Cascade> cascades, boolean respectExplicitMarkers) {
    this.allRowsOf = allRowsOf.isEmpty() ? null : SoftTables.of(allRowsOf.names());
    this.tables = tables;
    this.marker = marker;
    this.mode = mode;
    this.cascades = cascades;
    this.respectExplicitMarkers = respectExplicitMarkers;
  }

  /** Whether a reference names a soft table (and not a CTE that hides it). */
  boolean isSoft(Table table) {
    if (table.getName() == null || isCte(table)) {
      return false;
    }
    String schema = table.getSchemaName() == null ? null : MultiPartName.unquote(table.getSchemaName());
    return tables.isSoft(schema, table.getUnquotedName());
  }

  /**
   * The marker of the soft table a reference names: every rule asks here, so that each table can have a
   * marker of its own.
   */
  SoftDeleteMarker markerOf(Table table) {
    String schema = table.getSchemaName() == null ? null : MultiPartName.unquote(table.getSchemaName());
    return orDefault(tables.markerOf(schema, table.getUnquotedName()));
  }

  /** The marker of a soft table named in configuration (a cascade's child), {@code schema.table} or {@code table}. */
  SoftDeleteMarker markerOf(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String schema = dot < 0 ? null : qualifiedName.substring(0, dot);
    return orDefault(tables.markerOf(schema, qualifiedName.substring(dot + 1)));
  }

  private SoftDeleteMarker orDefault(SoftDeleteMarker own) {
    return own != null ? own : marker;
  }

  /** Whether a soft-looking name is in fact a CTE of an enclosing WITH. */
  boolean isCte(Table table) {
    if (table.getSchemaName() != null || table.getName() == null) {
      return false;
    }
    String name = table.getUnquotedName().toLowerCase(Locale.ROOT);
    for (Set<String> scope : cteScopes) {
      if (scope.contains(name)) {
        return true;
      }
    }
    return false;
  }

  void openCteScope() {
    cteScopes.push(new HashSet<>());
  }

  void declareCte(String name) {
    cteScopes.peek().add(MultiPartName.unquote(name).toLowerCase(Locale.ROOT));
  }

  void closeCteScope() {
    cteScopes.pop();
  }

  /** Whether SELECTs in this mode hide deleted rows at all. */
  boolean filters() {
    return mode != SoftDeleteMode.INCLUDE_DELETED;
  }

  /**
   * Whether a reference to a soft table gets a predicate on its marker: not in {@code IncludeDeleted}, nor for a
   * table of an {@code IncludeDeleted.tables(...)} scope, except the entity of an {@code OnlyDeleted} SELECT,
   * which shows its deleted rows whatever the scope lists.
   */
  boolean filters(Table table) {
    return filters() && (showsDeletedRowsOf(table) || !readsAllRowsOf(table));
  }

  /** Whether the scope lists the table a reference names ({@code IncludeDeleted.tables(...)}); not a CTE. */
  boolean readsAllRowsOf(Table table) {
    if (allRowsOf == null || table.getName() == null || isCte(table)) {
      return false;
    }
    String schema = table.getSchemaName() == null ? null : MultiPartName.unquote(table.getSchemaName());
    return allRowsOf.isSoft(schema, table.getUnquotedName());
  }

  /** Records the references whose deleted rows, and only those, the statement is to read. */
  void showDeletedRowsOf(Set<Table> entities) {
    trashEntities = entities;
  }

  /** Whether a reference reads deleted rows instead of live ones (the entity of an {@code OnlyDeleted} SELECT). */
  boolean showsDeletedRowsOf(Table table) {
    return trashEntities.contains(table);
  }

  /** Records that a reference was seen and dealt with (filtered, or rightly left alone). */
  void handled(Table table) {
    handled.add(table);
  }

  boolean wasHandled(Table table) {
    return handled.contains(table);
  }

  boolean respectsExplicitMarkers() {
    return respectExplicitMarkers;
  }

  /** Records the references that their query block's own SQL constrains by their marker. */
  void constrainedByApplication(Set<Table> references) {
    constrained.addAll(references);
  }

  /** Whether the application's SQL decides about this reference's deleted rows itself. */
  boolean isConstrainedByApplication(Table table) {
    return constrained.contains(table);
  }

  /** Records that a reference gets no predicate because the application's SQL constrains its marker. */
  void leftAsWritten(Table table) {
    handled(table);
    leftAsWritten.add(new RewriteResult.LeftAsWritten(displayName(table), markerOf(table).column()));
  }

  List<RewriteResult.LeftAsWritten> leftAsWritten() {
    return leftAsWritten;
  }

  void changed() {
    changed = true;
  }

  boolean isChanged() {
    return changed;
  }

  /**
   * The reference a predicate uses, as a node of its own: its alias, else its schema and name parts as
   * written. Built from the parts, since {@code new Table(String)} splits {@code "s"."t"} or {@code `db`.`t`}
   * at the dot and mangles the quotes.
   */
  static Table qualifierTable(Table table) {
    if (table.getAlias() != null) {
      return new Table(table.getAlias().getName());
    }
    Table copy = new Table(table.getSchemaName(), table.getName());
    copy.setDatabase(table.getDatabase());
    return copy;
  }

  /**
   * The name a reference exposes to the rest of its query, by which columns qualify it: its alias, else its
   * table name; unquoted, lower case.
   */
  static String exposedName(Table table) {
    return table.getAlias() != null ? MultiPartName.unquote(table.getAlias().getName()).toLowerCase(Locale.ROOT)
        : table.getUnquotedName().toLowerCase(Locale.ROOT);
  }

  /** The name a statement reports: schema and name as written, without alias. */
  static String displayName(Table table) {
    return table.getFullyQualifiedName();
  }
}
