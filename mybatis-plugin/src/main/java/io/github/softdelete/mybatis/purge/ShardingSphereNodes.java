package io.github.softdelete.mybatis.purge;

import io.github.softdelete.mybatis.PurgeException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where the rows of a ShardingSphere-JDBC connection's logical tables live: each logical table's data nodes
 * (storage unit and actual table) and each storage unit's own DataSource, read from ShardingSphere's metadata
 * by reflection, so that softdelete needs no ShardingSphere on its class path. A purge then runs on each
 * storage unit directly: its SQL never goes through ShardingSphere's router, and JDBC metadata describes the
 * database that holds the table. Read with 5.5's public methods (ShardingSphereConnection#getContextManager,
 * ContextManager#getDatabase, the rules' DataNodeRuleAttribute, ResourceMetaData#getStorageUnits,
 * ShardingRule#findBindingTableRule); a version without them is refused rather than guessed at.
 */
final class ShardingSphereNodes {
  private static final String PACKAGE = "org.apache.shardingsphere.";
  private static final String CONNECTION = PACKAGE + "driver.jdbc.core.connection.ShardingSphereConnection";
  private static final String DATA_NODE_ATTRIBUTE = PACKAGE + "infra.rule.attribute.datanode.DataNodeRuleAttribute";
  private static final String DATA_SOURCE_MAPPER_ATTRIBUTE =
      PACKAGE + "infra.rule.attribute.datasource.DataSourceMapperRuleAttribute";
  private static final String SHARDING_RULE = PACKAGE + "sharding.rule.ShardingRule";
  private static final String VERSION = PACKAGE + "infra.autogen.version.ShardingSphereVersion";

  /** One actual table: the storage unit (ShardingSphere's data source name) and the table's name in it. */
  record Node(String dataSource, String table) {
    @Override
    public String toString() {
      return dataSource + "." + table;
    }
  }

  private final String database;
  private final String version;
  private final Map<String, List<Node>> nodesByTable;
  private final Map<String, Boolean> shardedByTable;
  private final Map<String, DataSource> storageUnits;
  private final Object shardingRule;

  private ShardingSphereNodes(String database, String version, Map<String, List<Node>> nodesByTable,
      Map<String, Boolean> shardedByTable, Map<String, DataSource> storageUnits, Object shardingRule) {
    this.database = database;
    this.version = version;
    this.nodesByTable = nodesByTable;
    this.shardedByTable = shardedByTable;
    this.storageUnits = storageUnits;
    this.shardingRule = shardingRule;
  }

  /**
   * The nodes behind {@code connection} when it is a ShardingSphere-JDBC connection (or wraps one); empty for
   * any other connection.
   *
   * @throws PurgeException when it is ShardingSphere but its nodes cannot be read for certain
   */
  static Optional<ShardingSphereNodes> of(Connection connection) throws SQLException {
    Object shardingSphere = unwrap(connection);
    if (shardingSphere == null) {
      if (connection.getClass().getName().startsWith(PACKAGE)
          || connection.getMetaData().getClass().getName().startsWith(PACKAGE)) {
        throw cannotRead("unknown", "the connection " + connection.getClass().getName()
            + " does not unwrap to " + CONNECTION, null);
      }
      return Optional.empty();
    }
    ClassLoader loader = shardingSphere.getClass().getClassLoader();
    String version = version(loader);
    try {
      String name = (String) call(shardingSphere, "getCurrentDatabaseName");
      Object database = call(call(shardingSphere, "getContextManager"), "getDatabase", name);
      Class<?> dataNodeAttribute = Class.forName(DATA_NODE_ATTRIBUTE, false, loader);
      Class<?> dataSourceMapper = Class.forName(DATA_SOURCE_MAPPER_ATTRIBUTE, false, loader);
      Map<String, List<Node>> nodes = new LinkedHashMap<>();
      Map<String, Boolean> sharded = new LinkedHashMap<>();
      Object shardingRule = null;
      for (Object rule : (Collection<?>) call(call(database, "getRuleMetaData"), "getRules")) {
        boolean isSharding = rule.getClass().getName().equals(SHARDING_RULE);
        if (isSharding) {
          shardingRule = rule;
        }
        Object attributes = call(rule, "getAttributes");
        if (((Optional<?>) call(attributes, "findAttribute", Class.class, dataSourceMapper)).isPresent()) {
          // readwrite-splitting, shadow: a data node's data source stands for several databases
          throw new PurgeException("softdelete purge: cannot purge through ShardingSphere-JDBC database '" + name
              + "': its rule " + rule.getClass().getSimpleName() + " maps a data source to several databases, so"
              + " purging its data nodes might miss rows; purge each database by its own URL or DataSource (the"
              + " primary), naming the actual tables");
        }
        Optional<?> dataNodes = (Optional<?>) call(attributes, "findAttribute", Class.class, dataNodeAttribute);
        if (dataNodes.isEmpty()) {
          continue;
        }
        Map<?, ?> all = (Map<?, ?>) call(dataNodes.get(), "getAllDataNodes");
        for (Map.Entry<?, ?> table : all.entrySet()) {
          String logical = ((String) table.getKey()).toLowerCase(Locale.ROOT);
          List<Node> tableNodes = nodes.computeIfAbsent(logical, t -> new ArrayList<>());
          for (Object node : (Collection<?>) table.getValue()) {
            Node actual = new Node((String) call(node, "getDataSourceName"), (String) call(node, "getTableName"));
            if (!tableNodes.contains(actual)) {
              tableNodes.add(actual);
            }
          }
          sharded.merge(logical, isSharding, Boolean::logicalOr);
        }
      }
      Map<String, DataSource> units = new LinkedHashMap<>();
      Map<?, ?> storageUnits = (Map<?, ?>) call(call(database, "getResourceMetaData"), "getStorageUnits");
      for (Map.Entry<?, ?> unit : storageUnits.entrySet()) {
        units.put((String) unit.getKey(), (DataSource) call(unit.getValue(), "getDataSource"));
      }
      return Optional.of(new ShardingSphereNodes(name, version, nodes, sharded, units, shardingRule));
    } catch (PurgeException e) {
      throw e;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw cannotRead(version, e.toString(), e);
    }
  }

  /** The ShardingSphere database (its logical name), for messages. */
  String database() {
    return database;
  }

  /** The actual tables of logical table {@code table}, in ShardingSphere's order. */
  List<Node> nodes(String table) {
    if (table.contains(".")) {
      throw new PurgeException("softdelete purge: table '" + table + "': through ShardingSphere-JDBC name the"
          + " logical table without a schema; its data nodes say which database holds each actual table");
    }
    List<Node> nodes = nodesByTable.get(table.strip().toLowerCase(Locale.ROOT));
    if (nodes == null || nodes.isEmpty()) {
      throw new PurgeException("softdelete purge: table '" + table + "' is not a logical table of ShardingSphere-JDBC"
          + " database '" + database + "' (sharded, broadcast or single), so purge cannot tell which databases"
          + " hold its rows; name a logical table from its rules, or purge each database by its own URL");
    }
    for (Node node : nodes) {
      dataSource(node);
    }
    return nodes;
  }

  /** The DataSource of the storage unit that holds {@code node}. */
  DataSource dataSource(Node node) {
    DataSource dataSource = storageUnits.get(node.dataSource());
    if (dataSource == null) {
      throw new PurgeException("softdelete purge: data node " + node + " of ShardingSphere-JDBC database '"
          + database + "' names no storage unit (there are " + storageUnits.keySet() + "); purge each database by"
          + " its own URL");
    }
    return dataSource;
  }

  /**
   * The archive of actual table {@code node} of {@code table}: when {@code archive} is itself a logical table of
   * ShardingSphere, the actual table ShardingSphere keeps the same rows in (a sharded table's archive must be
   * bound to it, so that both shard alike); otherwise the actual table's own name plus {@code suffix} in the same
   * database.
   */
  Node archiveOf(String table, Node node, String archive, String suffix) {
    List<Node> archiveNodes = nodesByTable.get(archive.toLowerCase(Locale.ROOT));
    if (archiveNodes == null) {
      return new Node(node.dataSource(), node.table() + suffix);
    }
    if (shardedByTable.getOrDefault(table.toLowerCase(Locale.ROOT), false)
        || shardedByTable.getOrDefault(archive.toLowerCase(Locale.ROOT), false)) {
      return new Node(node.dataSource(), boundActualTable(table, node, archive));
    }
    List<Node> same = archiveNodes.stream().filter(a -> a.dataSource().equals(node.dataSource())).toList();
    if (same.size() != 1) {
      throw new PurgeException("softdelete purge: archive table '" + archive + "' of ShardingSphere-JDBC database '"
          + database + "' has " + (same.isEmpty() ? "no" : same.size()) + " actual tables in data source '"
          + node.dataSource() + "', where " + node + " of table '" + table + "' lives; make it a table of the same"
          + " kind (broadcast for a broadcast table, a single table in the same data source for a single table)");
    }
    return same.get(0);
  }

  private String boundActualTable(String table, Node node, String archive) {
    Optional<?> binding;
    try {
      binding = shardingRule == null ? Optional.empty() : (Optional<?>) call(shardingRule, "findBindingTableRule", table);
      if (binding.isPresent() && (Boolean) call(binding.get(), "hasLogicTable", archive)) {
        return (String) call(binding.get(), "getBindingActualTable", String.class, node.dataSource(), String.class,
            archive, String.class, table, String.class, node.table());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw cannotRead(version, e.toString(), e);
    }
    throw new PurgeException("softdelete purge: archive table '" + archive + "' of table '" + table + "' is a"
        + " ShardingSphere-JDBC table of database '" + database + "' but not bound to '" + table + "', so purge cannot"
        + " tell which of its actual tables would hold a row of " + node + "; declare them binding tables"
        + " (bindingTables: - " + table + "," + archive + ") sharded alike, or drop '" + archive + "' from the"
        + " rules to archive each actual table into <actual table>" + archive.substring(table.length())
        + " in its own database");
  }

  private static Object unwrap(Connection connection) throws SQLException {
    if (connection.getClass().getName().equals(CONNECTION)) {
      return connection;
    }
    for (ClassLoader loader : new ClassLoader[] {connection.getClass().getClassLoader(),
        Thread.currentThread().getContextClassLoader(), ShardingSphereNodes.class.getClassLoader()}) {
      try {
        Class<?> type = Class.forName(CONNECTION, false, loader);
        if (connection.isWrapperFor(type)) {
          return connection.unwrap(type);
        }
      } catch (ClassNotFoundException e) {
        // not visible from this loader: try the next
      }
    }
    return null;
  }

  private static String version(ClassLoader loader) {
    try {
      return String.valueOf(Class.forName(VERSION, false, loader).getField("VERSION").get(null));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return "unknown";
    }
  }

  private static PurgeException cannotRead(String version, String reason, Throwable cause) {
    return new PurgeException("softdelete purge: cannot tell the databases and actual tables behind this"
        + " ShardingSphere-JDBC DataSource (ShardingSphere " + version + "; read as 5.5 publishes them: " + reason
        + "), so purge would not know it reaches every shard; purge each database by its own URL or DataSource,"
        + " naming its actual tables (t_order_0, t_order_1, ...)", cause);
  }

  /** {@code target.name(arguments)}: arguments as (type, value) pairs, or a single String. */
  private static Object call(Object target, String name, Object... arguments) throws ReflectiveOperationException {
    Class<?>[] types;
    Object[] values;
    if (arguments.length == 1) {
      types = new Class<?>[] {String.class};
      values = arguments;
    } else {
      types = new Class<?>[arguments.length / 2];
      values = new Object[arguments.length / 2];
      for (int i = 0; i < types.length; i++) {
        types[i] = (Class<?>) arguments[2 * i];
        values[i] = arguments[2 * i + 1];
      }
    }
    try {
      return publicMethod(target.getClass(), name, types).invoke(target, values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  // an implementation class may be package-private: call the method as its public type declares it
  private static Method publicMethod(Class<?> type, String name, Class<?>[] parameters) throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (Modifier.isPublic(c.getModifiers())) {
        try {
          return c.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
          // look further up
        }
      }
      for (Class<?> face : c.getInterfaces()) {
        Method method = interfaceMethod(face, name, parameters);
        if (method != null) {
          return method;
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "#" + name);
  }

  private static Method interfaceMethod(Class<?> face, String name, Class<?>[] parameters) {
    if (Modifier.isPublic(face.getModifiers())) {
      try {
        return face.getMethod(name, parameters);
      } catch (NoSuchMethodException e) {
        // its super-interfaces below
      }
    }
    for (Class<?> parent : face.getInterfaces()) {
      Method method = interfaceMethod(parent, name, parameters);
      if (method != null) {
        return method;
      }
    }
    return null;
  }
}
