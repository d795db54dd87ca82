package io.github.softdelete.mybatis.rewrite;

/**
 * Where the value of one {@code ?} of a rewritten statement comes from: one of the application's own
 * parameters (by its position in the original statement; a rewrite may use one twice), or a value the library
 * adds.
 *
 * @param original the index of the application's parameter, or -1 for an added value
 * @param added the added value, or {@code null} for an application parameter
 */
public record Binding(int original, Added added) {
  /** Values the library binds itself. */
  public enum Added {
    /** The marker value shared by a parent and the children its cascade marks. */
    MARKER,
    /** Who deletes. */
    DELETED_BY,
    /** Why. */
    DELETE_REASON
  }

  static Binding original(int index) {
    return new Binding(index, null);
  }

  static Binding added(Added added) {
    return new Binding(-1, added);
  }

  public boolean isAdded() {
    return added != null;
  }
}
