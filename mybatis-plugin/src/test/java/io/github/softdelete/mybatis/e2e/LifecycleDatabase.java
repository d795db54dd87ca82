package io.github.softdelete.mybatis.e2e;

import io.github.softdelete.mybatis.DeletedBySupplier;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.session.SqlSessionFactory;

/** The lifecycle scenario: lifecycle.sql, and the interceptor configured with audit columns and cascades. */
final class LifecycleDatabase {
  static final String SCHEMA = "io/github/softdelete/mybatis/e2e/lifecycle.sql";

  private LifecycleDatabase() {}

  static Properties auditAndCascades() {
    Properties properties = new Properties();
    properties.setProperty("tables", "users,documents,attachments");
    properties.setProperty("deletedByColumn", "deleted_by");
    properties.setProperty("deleteReasonColumn", "delete_reason");
    properties.setProperty("cascade", "documents.user_id->users.id, attachments.document_id->documents.id");
    return properties;
  }

  static SqlSessionFactory factory(TestDatabase db, Properties properties, DeletedBySupplier supplier) {
    SqlSessionFactory factory = db.factory(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties),
        supplier));
    factory.getConfiguration().addMapper(DocumentMapper.class);
    return factory;
  }

  /** The rows of a query, each as its columns' strings, read with plain JDBC behind MyBatis's back. */
  static List<List<String>> rows(TestDatabase db, String sql) {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = java.sql.DriverManager.getConnection(db.url(), "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return rows;
  }
}
