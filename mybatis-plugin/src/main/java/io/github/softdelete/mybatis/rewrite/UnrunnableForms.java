package io.github.softdelete.mybatis.rewrite;

import java.util.List;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Forms of DELETE and UPDATE the SQL parser reads but the database does not run. The parser is more lenient
 * than the databases: converted into a marking UPDATE, such a DELETE would change rows where the application's
 * statement fails without softdelete (MariaDB answers error 1064 to {@code DELETE FROM a JOIN b ...}, yet
 * {@code UPDATE a JOIN b ... SET} runs). A form no database runs is refused everywhere; a form one database
 * lacks is refused on that database, found by trying each form on H2, PostgreSQL and MariaDB
 * ({@code UnrunnableFormsTest}).
 */
final class UnrunnableForms {
  private UnrunnableForms() {}

  /** Refuses a DELETE about to become a marking UPDATE when {@code dialect}'s database would not run it. */
  static void checkDelete(Delete delete, Dialect dialect, String table) {
    boolean targetList = !isEmpty(delete.getTables());
    if (!targetList && !isEmpty(delete.getJoins())) {
      throw refused(table, "a DELETE with a JOIN or a list of tables must name the tables it deletes from"
          + " (DELETE a FROM a JOIN b ON ...): as written no database runs it, and softdelete will not choose"
          + " whose rows to mark");
    }
    if (targetList && (delete.getLimit() != null || !isEmpty(delete.getOrderByElements()))) {
      throw refused(table, "a DELETE that names the tables it deletes from (DELETE a FROM ...) cannot have ORDER BY"
          + " or LIMIT on MySQL (nor on MariaDB before 11.8), and which rows it would erase is not certain;"
          + " select the rows in a subquery instead");
    }
    String database = name(dialect);
    boolean mysql = dialect == Dialect.MYSQL;
    boolean h2OrPostgres = dialect == Dialect.H2 || dialect == Dialect.POSTGRESQL;
    if (h2OrPostgres && targetList) {
      throw refused(table, database + " has no DELETE a FROM ... form (it is MySQL's); write DELETE FROM a WHERE"
          + " ... with a subquery" + (dialect == Dialect.POSTGRESQL ? ", or DELETE FROM a USING b WHERE ..." : ""));
    }
    if ((mysql || dialect == Dialect.H2) && !isEmpty(delete.getUsingList())) {
      throw refused(table, mysql
          ? "MySQL's DELETE FROM a USING ... lists a among the tables after USING, PostgreSQL's does not, and"
              + " softdelete converts PostgreSQL's form only; write DELETE a FROM a JOIN b ON ..."
          : "H2 has no DELETE ... USING; write DELETE FROM a WHERE ... with a subquery");
    }
    if ((mysql || dialect == Dialect.POSTGRESQL) && !delete.isHasFrom()) {
      throw refused(table, (mysql ? "MySQL and MariaDB need" : "PostgreSQL needs") + " FROM after DELETE;"
          + " write DELETE FROM " + table + " ...");
    }
    if (h2OrPostgres && !isEmpty(delete.getOrderByElements())
        || dialect == Dialect.POSTGRESQL && delete.getLimit() != null) {
      throw refused(table, database + " has no " + (isEmpty(delete.getOrderByElements()) ? "LIMIT" : "ORDER BY")
          + " in a DELETE; select the rows in a subquery instead");
    }
    if (h2OrPostgres && (delete.getModifierPriority() != null || delete.isModifierQuick()
        || delete.isModifierIgnore())) {
      throw refused(table, database + " has no DELETE LOW_PRIORITY, QUICK or IGNORE (they are MySQL's)");
    }
  }

  /** Refuses an UPDATE no database runs: a JOIN before SET and a FROM after it. */
  static void checkUpdate(Update update, String table) {
    if (!isEmpty(update.getStartJoins()) && update.getFromItem() != null) {
      throw refused(table, "an UPDATE with tables both before SET (MySQL's UPDATE a JOIN b ...) and after it"
          + " (PostgreSQL's FROM) is no database's form");
    }
  }

  private static String name(Dialect dialect) {
    return switch (dialect) {
      case H2 -> "H2";
      case POSTGRESQL -> "PostgreSQL";
      case MYSQL -> "MySQL and MariaDB";
      case UNKNOWN -> "the database";
    };
  }

  private static RewriteRefusedException refused(String table, String reason) {
    return new RewriteRefusedException(table, reason);
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
