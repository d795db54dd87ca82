package io.github.softdelete.mybatis.check;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.SelectProvider;

/** A statement whose SQL a provider builds from the parameter, as the check meets it in annotated mappers. */
public interface ProviderMapper {
  @SelectProvider(type = Sql.class, method = "byName")
  List<Map<String, Object>> byName(@Param("name") String name);

  /** The provider: a filter on name only when one is given. */
  final class Sql {
    private Sql() {}

    public static String byName(Map<String, Object> parameter) {
      return parameter.get("name") == null ? "SELECT id FROM users" : "SELECT id FROM users WHERE name = #{name}";
    }
  }
}
