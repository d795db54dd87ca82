package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteException;
import io.github.softdelete.mybatis.rewrite.SoftDeleteMarker;
import io.github.softdelete.mybatis.sql.ForeignKeyReader;
import io.github.softdelete.mybatis.sql.ForeignKeyReader.ForeignKey;
import io.github.softdelete.mybatis.sql.ForeignKeyReader.StoredTable;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cascade=detect} and {@code restrict=detect}: the relations a database's foreign keys give, read once per
 * database with its soft tables. A key between two soft tables of one schema, one column each side, gives a
 * cascade when it is {@code ON DELETE CASCADE} and a restrict relation when it is {@code RESTRICT} or
 * {@code NO ACTION}; any other key gives none (the schema doctor reports it). A relation declared between the
 * same child and parent tables wins over the keys. The result passes the checks declared relations pass.
 */
final class RelationDetector {
  private RelationDetector() {}

  static Relations detect(SoftDeleteConfig config, Connection connection, SoftTables tables) {
    Map<Cascade, ForeignKey> cascades = new LinkedHashMap<>();
    Map<Cascade, ForeignKey> restricts = new LinkedHashMap<>();
    try {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String parent : tables.names().stream().sorted().toList()) {
        Optional<StoredTable> stored = ForeignKeyReader.find(connection, parent);
        if (stored.isEmpty()) {
          continue;
        }
        String schema = stored.get().schema() != null ? stored.get().schema() : stored.get().catalog();
        for (ForeignKey key : ForeignKeyReader.referencing(metaData, stored.get())) {
          Cascade relation = relationOf(key, parent, schema, tables);
          if (relation == null || declaresPair(config, relation)) {
            continue;
          }
          boolean cascade = key.deleteRule() == DatabaseMetaData.importedKeyCascade;
          boolean restrict = key.deleteRule() == DatabaseMetaData.importedKeyRestrict
              || key.deleteRule() == DatabaseMetaData.importedKeyNoAction;
          if (cascade && config.detectCascades()) {
            cascades.putIfAbsent(relation, key);
          } else if (restrict && config.detectRestricts()) {
            restricts.putIfAbsent(relation, key);
          }
        }
      }
    } catch (SQLException e) {
      throw new SoftDeleteException("softdelete: could not read the foreign keys that " + keys(config)
          + " derives relations from: " + e.getMessage() + "; declare the relations instead", e);
    }
    List<Cascade> allCascades = new ArrayList<>(config.cascades());
    allCascades.addAll(cascades.keySet());
    List<Cascade> allRestricts = new ArrayList<>(config.restricts());
    allRestricts.addAll(restricts.keySet());
    refuseCycle(allCascades, cascades);
    refuseBoth(cascades, restricts);
    refuseFlagMarkers(config, tables, cascades);
    return new Relations(allCascades, allRestricts);
  }

  // null: the key gives no relation (several columns, a table that is not soft, or in another schema)
  private static Cascade relationOf(ForeignKey key, String parent, String parentSchema, SoftTables tables) {
    if (key.childColumns().size() != 1) {
      return null;
    }
    boolean sameSchema = parentSchema == null || key.childSchema() == null
        || parentSchema.equalsIgnoreCase(key.childSchema());
    String child = key.childTable().toLowerCase(Locale.ROOT);
    if (!sameSchema || !tables.isSoft(null, child)) {
      return null;
    }
    return new Cascade(child, key.childColumns().get(0).toLowerCase(Locale.ROOT), parent,
        key.parentColumns().get(0).toLowerCase(Locale.ROOT));
  }

  private static boolean declaresPair(SoftDeleteConfig config, Cascade relation) {
    List<Cascade> declared = new ArrayList<>(config.cascades());
    declared.addAll(config.restricts());
    return declared.stream().anyMatch(d -> d.hasChild(relation.childTable()) && d.hasParent(relation.parentTable())
        && relation.hasChild(d.childTable()) && relation.hasParent(d.parentTable()));
  }

  private static void refuseCycle(List<Cascade> all, Map<Cascade, ForeignKey> derived) {
    List<String> cycle = RelationGraph.cycleIn(all);
    if (cycle.isEmpty()) {
      return;
    }
    List<String> edges = new ArrayList<>();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      String parent = cycle.get(i);
      String child = cycle.get(i + 1);
      Cascade edge = all.stream().filter(c -> c.hasParent(parent) && c.hasChild(child)).findFirst().orElseThrow();
      ForeignKey key = derived.get(edge);
      edges.add(key == null ? "'" + edge + "' (declared)" : "foreign key " + key.subject() + " ('" + edge + "')");
    }
    String self = cycle.size() == 2 ? " (a table that cascades to itself, a tree, needs a recursive query, which"
        + " softdelete does not run)" : "";
    throw new SoftDeleteException("softdelete: property 'cascade' has value 'detect': the cascades form a cycle: "
        + String.join(" -> ", cycle) + self + ", through " + String.join(", ", edges) + "; write the cascades out"
        + " without detect, leaving one of these out (or declare it in restrict), or change the key's ON DELETE rule");
  }

  private static void refuseBoth(Map<Cascade, ForeignKey> cascades, Map<Cascade, ForeignKey> restricts) {
    for (Map.Entry<Cascade, ForeignKey> restrict : restricts.entrySet()) {
      Cascade r = restrict.getKey();
      for (Map.Entry<Cascade, ForeignKey> cascade : cascades.entrySet()) {
        Cascade c = cascade.getKey();
        if (c.hasChild(r.childTable()) && c.hasParent(r.parentTable())) {
          throw new SoftDeleteException("softdelete: properties 'cascade' and 'restrict' have value 'detect': the"
              + " foreign keys " + cascade.getValue().subject() + " (ON DELETE CASCADE, '" + c + "') and "
              + restrict.getValue().subject() + " (ON DELETE " + restrict.getValue().ruleName() + ", '" + r
              + "') relate the tables " + r.childTable() + " and " + r.parentTable() + " by cascade and by restrict;"
              + " declare the one you mean (cascade=" + c + " or restrict=" + r + "), which wins over the keys");
        }
      }
    }
  }

  // one bound timestamp ties a cascade's children to their parent, as for declared cascades
  private static void refuseFlagMarkers(SoftDeleteConfig config, SoftTables tables, Map<Cascade, ForeignKey> derived) {
    for (Map.Entry<Cascade, ForeignKey> entry : derived.entrySet()) {
      Cascade cascade = entry.getKey();
      for (String table : List.of(cascade.parentTable(), cascade.childTable())) {
        SoftDeleteMarker marker = tables.markerOf(null, table);
        String deleted = marker != null ? marker.deletedValueSql() : config.deletedValue();
        if (deleted != null && !Cascade.tiesByTimestamp(deleted)) {
          throw new SoftDeleteException("softdelete: property 'cascade' has value 'detect': foreign key "
              + entry.getValue().subject() + " gives " + cascade.refusalThrough(table, "deletedValue '" + deleted
                  + "'") + ", or declare the relation in restrict, which wins over the key");
        }
      }
    }
  }

  private static String keys(SoftDeleteConfig config) {
    return config.detectCascades() && config.detectRestricts() ? "cascade=detect and restrict=detect"
        : config.detectCascades() ? "cascade=detect" : "restrict=detect";
  }
}
