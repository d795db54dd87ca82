package io.github.softdelete.mybatis.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;

/**
 * A mapped statement as the application wrote it: the SQL MyBatis renders (dynamic SQL evaluated, {@code #{}}
 * turned into {@code ?}) and the values it binds, read from a configuration that has no plugin at all.
 */
record RawQuery(String sql, List<Object> args) {

  private static final Configuration WITHOUT_PLUGINS = mappersOnly();

  static RawQuery of(String statementId, Map<String, Object> params) {
    BoundSql bound = WITHOUT_PLUGINS.getMappedStatement(statementId).getBoundSql(params);
    MetaObject paramsView = WITHOUT_PLUGINS.newMetaObject(params);
    List<Object> args = new ArrayList<>();
    // the lookup DefaultParameterHandler does: <foreach> items first, then the parameter object
    for (ParameterMapping mapping : bound.getParameterMappings()) {
      if (mapping.getMode() == ParameterMode.OUT) {
        continue;
      }
      String property = mapping.getProperty();
      args.add(bound.hasAdditionalParameter(property)
          ? bound.getAdditionalParameter(property)
          : paramsView.getValue(property));
    }
    return new RawQuery(bound.getSql(), args);
  }

  private static Configuration mappersOnly() {
    Configuration configuration = new Configuration();
    String resource = "differential/DifferentialMapper.xml";
    try (InputStream in = Resources.getResourceAsStream(resource)) {
      new XMLMapperBuilder(in, configuration, resource, configuration.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    configuration.addMapper(AnnotatedQueries.class);
    return configuration;
  }
}
