package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.sql.SqlText;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table as the database's metadata describes it: its name as stored, the SQL that names it (quoted), its
 * columns in order and its primary key.
 */
record TableInfo(String name, String sqlName, List<Column> columns, List<String> primaryKey) {

  /** @param generated computed by the database (a generated column), so never written */
  record Column(String name, int jdbcType, String typeName, boolean generated) {
    boolean isTimestamp() {
      return jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || jdbcType == Types.DATE;
    }
  }

  /** The column named {@code name}, compared case-insensitively and without quotes. */
  Optional<Column> column(String name) {
    String wanted = SqlText.unquoted(name).toLowerCase(Locale.ROOT);
    return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }
}
