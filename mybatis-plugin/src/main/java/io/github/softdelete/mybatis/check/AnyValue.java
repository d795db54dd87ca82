package io.github.softdelete.mybatis.check;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A parameter that is set, whatever the mapper asks of it, so that dynamic SQL renders with every {@code <if>}
 * that tests for a value taken: as a property it is itself ({@code user.name}); it is not null and not {@code ''},
 * compares as the number {@code text} ({@code status > 0}), has size 1 ({@code ids.size() > 0}), and as the
 * collection of a {@code <foreach>} holds one element, {@code text}, which MyBatis binds as a string.
 * {@code ${...}} renders as {@code text}.
 */
final class AnyValue extends AbstractMap<String, Object> implements Iterable<Object>, CharSequence {
  private final String text;

  AnyValue(String text) {
    this.text = text;
  }

  @Override
  public Object get(Object key) {
    return this;
  }

  @Override
  public boolean containsKey(Object key) {
    return true;
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Set.of(new SimpleImmutableEntry<>(text, this));
  }

  @Override
  public Iterator<Object> iterator() {
    return List.<Object>of(text).iterator();
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  // identity: equal to no constant a test compares it with ('', 'A')
  @Override
  public boolean equals(Object o) {
    return o == this;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return text;
  }
}
