package io.github.softdelete.mybatis;

/**
 * How the statements of the current thread treat soft-deleted rows.
 *
 * <p>The mode is set by the scopes {@link IncludeDeleted}, {@link OnlyDeleted}, {@link HardDelete} and
 * {@link Undelete};
 * outside any scope it is {@link #DEFAULT}.
 */
public enum SoftDeleteMode {
  /** Deleted rows do not exist: SELECTs hide them, DELETE marks, UPDATE leaves deleted rows alone. */
  DEFAULT,
  /** No filter anywhere: deleted rows are visible and updatable. DELETE still marks instead of erasing. */
  INCLUDE_DELETED,
  /**
   * The first table of a SELECT's FROM (of each set operation branch) shows only deleted rows; every other
   * reference stays filtered as usual, and so does every SELECT inside a write. UPDATE touches only deleted
   * rows of its target.
   */
  ONLY_DELETED,
  /** DELETE and TRUNCATE run as written and erase rows; every other filter stays. */
  HARD_DELETE,
  /**
   * A DELETE on a soft table restores the deleted rows it names instead of marking live ones (and, with
   * cascades, the children that deleting them marked). Every other statement behaves as in {@link #DEFAULT}.
   */
  UNDELETE;

  /** The mode of the calling thread. */
  public static SoftDeleteMode current() {
    return ModeHolder.current();
  }
}
