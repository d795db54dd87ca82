package io.github.softdelete.mybatis.purge;

/**
 * One table to purge in one database, before it is checked.
 *
 * @param name the table as the report and the messages name it: as given, or a ShardingSphere data node
 *     ({@code ds_0.t_order_0})
 * @param logical the table as given to the purge, whose settings (marker, deletion time) it takes
 * @param table the table as the database's metadata is asked for it
 * @param archive the archive as the database's metadata is asked for it, or {@code null} without archive
 * @param archiveName the archive as the report and the messages name it
 * @param where where the database is, for messages ({@code ""} for the purge's only one)
 */
record TableRef(String name, String logical, String table, String archive, String archiveName, String where) {

  /** A table of the one database a purge runs on. */
  static TableRef of(String table, String archiveSuffix) {
    String archive = archiveSuffix == null ? null : table.strip() + archiveSuffix.strip();
    return new TableRef(table, table, table, archive, archive, "");
  }

  /** Actual table {@code node} of ShardingSphere logical table {@code logical}, archived in {@code archive}. */
  static TableRef ofNode(String logical, ShardingSphereNodes.Node node, ShardingSphereNodes.Node archive) {
    return new TableRef(node.toString(), logical, node.table(), archive == null ? null : archive.table(),
        archive == null ? null : archive.toString(),
        " in ShardingSphere-JDBC data source '" + node.dataSource() + "'");
  }
}
