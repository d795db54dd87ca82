package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.rewrite.Binding;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.type.JdbcType;

/** Copies of MyBatis's {@link BoundSql} with other SQL text. */
final class BoundSqls {
  private BoundSqls() {}

  /**
   * {@code original} with {@code sql} instead of its SQL: the same parameter mappings in the same order, and
   * every additional parameter ({@code <foreach>} items {@code __frch_*}, {@code <bind>} values,
   * {@code _parameter}, {@code _databaseId}, what other plugins added), without which the {@code ?} of
   * dynamic SQL would bind nothing.
   */
  static BoundSql withSql(Configuration configuration, BoundSql original, String sql) {
    BoundSql copy = new BoundSql(configuration, sql, original.getParameterMappings(), original.getParameterObject());
    for (Map.Entry<String, Object> parameter : original.getAdditionalParameters().entrySet()) {
      copy.setAdditionalParameter(parameter.getKey(), parameter.getValue());
    }
    return copy;
  }

  /**
   * {@code original} with {@code sql}, whose {@code ?} take their values as {@code bindings} say: the
   * application's parameter mappings where it wrote them, and for each value the library adds a mapping of
   * its own, whose value is an additional parameter of the copy.
   *
   * @throws IllegalArgumentException when the bindings do not use every application parameter, first in order
   *     (the SQL does not have as many {@code ?} as MyBatis has mappings); a later use of one already bound
   *     (a copy) binds the same value again
   */
  static BoundSql withBindings(Configuration configuration, BoundSql original, String sql, List<Binding> bindings,
      AddedValues values) {
    List<ParameterMapping> originals = original.getParameterMappings();
    List<ParameterMapping> mappings = new ArrayList<>(bindings.size());
    int next = 0;
    for (Binding binding : bindings) {
      if (binding.isAdded()) {
        mappings.add(mappingFor(configuration, binding.added()));
      } else if (binding.original() == next && next < originals.size()) {
        mappings.add(originals.get(next++));
      } else if (binding.original() >= 0 && binding.original() < next) {
        // a parameter the rewrite writes again (a MERGE's inserted value, in its revive): the same value
        mappings.add(originals.get(binding.original()));
      } else {
        throw new IllegalArgumentException("placeholder " + binding.original() + " of " + originals.size());
      }
    }
    if (next != originals.size()) {
      throw new IllegalArgumentException("the SQL has " + next + " of " + originals.size() + " placeholders");
    }
    BoundSql bound = new BoundSql(configuration, sql, mappings, original.getParameterObject());
    original.getAdditionalParameters().forEach(bound::setAdditionalParameter);
    for (Binding binding : bindings) {
      if (binding.isAdded()) {
        bound.setAdditionalParameter(propertyOf(binding.added()), values.valueOf(binding.added()));
      }
    }
    return bound;
  }

  private static ParameterMapping mappingFor(Configuration configuration, Binding.Added added) {
    boolean timestamp = added == Binding.Added.MARKER;
    // a JDBC type, so that an unknown user binds as a typed NULL on every driver
    return new ParameterMapping.Builder(configuration, propertyOf(added), timestamp ? Timestamp.class : String.class)
        .jdbcType(timestamp ? JdbcType.TIMESTAMP : JdbcType.VARCHAR)
        .build();
  }

  private static String propertyOf(Binding.Added added) {
    return "__softdelete_" + added.name().toLowerCase(Locale.ROOT);
  }
}
