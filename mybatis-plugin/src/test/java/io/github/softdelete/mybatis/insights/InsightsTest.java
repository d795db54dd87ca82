package io.github.softdelete.mybatis.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.softdelete.mybatis.OnlyDeleted;
import io.github.softdelete.mybatis.SoftDeleteConfig;
import io.github.softdelete.mybatis.SoftDeleteInterceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The insights recipe of docs/insights.md on H2: each query gives the numbers worked out by hand from the fixture. */
class InsightsTest {
  private static final String URL = "jdbc:h2:mem:insights;DB_CLOSE_DELAY=-1";

  @BeforeEach
  void createFixture() throws SQLException {
    execute("DROP TABLE IF EXISTS documents",
        "CREATE TABLE documents (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, created_at TIMESTAMP NOT NULL,"
            + " deleted_at TIMESTAMP, deleted_by VARCHAR(50), delete_reason VARCHAR(200))",
        InsightQueries.FIXTURE);
  }

  @Test
  void shouldCountDeletionsPerDay() throws SQLException {
    assertThat(rows(InsightQueries.PER_DAY)).containsExactly("2026-03-02|3", "2026-03-04|2");
  }

  @Test
  void shouldRankWhoDeletesMost() throws SQLException {
    assertThat(rows(InsightQueries.WHO)).containsExactly("alice|3|2", "(unknown)|1|0", "bob|1|1");
  }

  @Test
  void shouldMeasureTimeFromCreationToDeletion() throws SQLException {
    assertThat(rows(InsightQueries.TIME_TO_DELETION)).containsExactly("5|1|31.6|72|1");
  }

  @Test
  void shouldCountDeletionsPerDayThroughMyBatisInOnlyDeleted() {
    try (SqlSession session = factory().openSession()) {
      InsightsMapper mapper = session.getMapper(InsightsMapper.class);

      List<InsightsMapper.DayCount> deleted = OnlyDeleted.get(mapper::deletionsPerDay);
      List<InsightsMapper.DayCount> live = mapper.deletionsPerDay();

      assertThat(deleted).containsExactly(new InsightsMapper.DayCount(Date.valueOf("2026-03-02"), 3),
          new InsightsMapper.DayCount(Date.valueOf("2026-03-04"), 2));
      // outside the scope only the live document is seen, and it has no deletion day
      assertThat(live).containsExactly(new InsightsMapper.DayCount(null, 1));
    }
  }

  @Test
  void shouldShowTheRecipeInTheInsightsPageWordForWord() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "insights.md"));

    assertThat(page).contains(InsightQueries.PER_DAY, InsightQueries.WHO, InsightQueries.TIME_TO_DELETION,
        InsightQueries.TIME_TO_DELETION_POSTGRES, "OnlyDeleted.get(mapper::deletionsPerDay)");
  }

  private static SqlSessionFactory factory() {
    Properties properties = new Properties();
    properties.setProperty("tables", "documents");
    Configuration configuration = new Configuration(new Environment("insights", new JdbcTransactionFactory(),
        new UnpooledDataSource("org.h2.Driver", URL, "sa", "")));
    configuration.addInterceptor(new SoftDeleteInterceptor(SoftDeleteConfig.fromProperties(properties)));
    configuration.addMapper(InsightsMapper.class);
    return new SqlSessionFactoryBuilder().build(configuration);
  }

  private static void execute(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, "sa", "");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(URL, "sa", "");
        Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(InsightQueries.plain(rs.getString(i)));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
