package io.github.softdelete.mybatis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, bug 1: the lazy load of a deserialized object runs on a new executor through the six-argument
 * {@code Executor.query} with neither a cache key nor a {@code BoundSql} (MyBatis's statement handler builds the
 * SQL then), as MyBatis's own {@code submitted.lazy_deserialize.LazyDeserializeTest} does.
 */
class LazyLoadOfDeserializedObjectTest {
  // MyBatis finds the configuration of a deserialized object through a static method of a class it is given
  private static volatile Configuration configuration;

  private TestDatabase db;

  public static Configuration getConfiguration() {
    return configuration;
  }

  @BeforeEach
  void setUp() {
    db = TestDatabase.create();
  }

  @AfterEach
  void tearDown() {
    configuration = null;
    db.close();
  }

  @Test
  void shouldHideDeletedRowsFromLazyLoadOfDeserializedObjectWithNullCacheKeyAndBoundSql() throws Exception {
    SqlSessionFactory factory = db.factory(Plugins.softDelete());
    configuration = factory.getConfiguration();
    configuration.setLazyLoadingEnabled(true);
    configuration.setConfigurationFactory(LazyLoadOfDeserializedObjectTest.class);
    configuration.addMapper(SerializableOwnerMapper.class);
    SerializableOwner ann;
    try (SqlSession session = factory.openSession()) {
      ann = session.getMapper(SerializableOwnerMapper.class).owner(1);
    }
    SerializableOwner deserialized = roundTrip(ann);
    db.execute("UPDATE orders SET deleted_at = CURRENT_TIMESTAMP WHERE id = 11");

    // loaded now, by MyBatis's ResultLoader on an executor of its own; order 11 was deleted after the owner loaded
    assertThat(deserialized.getOrderIds()).containsExactly(10L);
  }

  private static SerializableOwner roundTrip(SerializableOwner owner) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(owner);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (SerializableOwner) in.readObject();
    }
  }
}
