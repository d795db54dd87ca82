package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the demo's database, behind MyBatis's back: what the tables really hold. */
final class Tables {
  private final AppDatabase database;

  Tables(AppDatabase database) {
    this.database = database;
  }

  /** Every row of the query, each as its column values; SQL NULL stays {@code null}. */
  List<List<Object>> rows(String sql, Object... parameters) {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  /** The first column of every row, as numbers. */
  List<Long> ids(String sql, Object... parameters) {
    return rows(sql, parameters).stream().map(row -> ((Number) row.get(0)).longValue()).toList();
  }

  void execute(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql, e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.url(), "sa", "");
  }
}
