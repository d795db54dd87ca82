package io.github.softdelete.mybatis.catalog;

import io.github.softdelete.mybatis.Cascade;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import java.sql.Connection;
import java.util.List;

/**
 * The relations between the soft tables of one database: the declared cascades and restrict relations, with
 * those {@code cascade=detect} and {@code restrict=detect} derive from its foreign keys. One value per database,
 * handed to the engine with its soft tables, so that the interceptor, {@code SoftDeleteCheck} and the doctor see
 * the same relations. Immutable.
 *
 * @param cascades acyclic, declared ones first
 * @param restricts none of them between the same tables as a cascade, declared ones first
 */
public record Relations(List<Cascade> cascades, List<Cascade> restricts) {
  public Relations {
    cascades = List.copyOf(cascades);
    restricts = List.copyOf(restricts);
  }

  /** The relations {@code config} declares, without any database. */
  public static Relations declared(SoftDeleteConfig config) {
    return new Relations(config.cascades(), config.restricts());
  }

  /** Whether {@code config} derives relations from a database ({@code detect} in {@code cascade} or {@code restrict}). */
  public static boolean detects(SoftDeleteConfig config) {
    return config.detectCascades() || config.detectRestricts();
  }

  /**
   * The relations on the connection's database: the declared ones, and where {@code config} says {@code detect}
   * those of the foreign keys between {@code tables}; without touching the connection when it does not.
   *
   * @throws io.github.softdelete.mybatis.SoftDeleteException when the metadata cannot be read, or the derived
   *     relations do not pass the checks declared ones pass (a cycle of cascades, a pair both cascade and restrict,
   *     a cascade through a table whose marker is not a timestamp)
   */
  public static Relations of(SoftDeleteConfig config, Connection connection, SoftTables tables) {
    return detects(config) ? RelationDetector.detect(config, connection, tables) : declared(config);
  }

  public boolean isEmpty() {
    return cascades.isEmpty() && restricts.isEmpty();
  }
}
