package io.github.softdelete.benchmarks;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a statement the cache has not seen: our whole rewrite (scan for soft tables, parse, rewrite,
 * coverage check, SQL text out) against one JSqlParser parse on the calling thread with the same grammar
 * settings. The engine itself keeps no cache, so every call is a miss.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ColdRewriteBenchmark {
  /** The statements of the call benchmarks, as MyBatis hands them over (placeholders as {@code ?}). */
  public enum Shape {
    POINT("SELECT id, name, email FROM users WHERE id = ?"),
    JOIN(ShopMapper.JOIN.replace("#{orderId}", "?")),
    DELETE("DELETE FROM users WHERE id = ?");

    final String sql;

    Shape(String sql) {
      this.sql = sql;
    }
  }

  @Param({"POINT", "JOIN", "DELETE"})
  public Shape shape;

  private SqlRewriter rewriter;
  private String sql;

  @Setup
  public void setUp() {
    rewriter = EngineFactory.of("tables", "users:orders").rewriterWithoutDatabase(Dialect.H2);
    sql = shape.sql;
    if (!rewriter.rewrite(sql, SoftDeleteMode.DEFAULT).changed()) {
      throw new IllegalStateException("the " + shape + " statement should change: " + sql);
    }
  }

  @Benchmark
  public String softdeleteRewrite() {
    return rewriter.rewrite(sql, SoftDeleteMode.DEFAULT).sql();
  }

  @Benchmark
  public Statements jsqlparserParse() throws ParseException {
    return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statements();
  }
}
