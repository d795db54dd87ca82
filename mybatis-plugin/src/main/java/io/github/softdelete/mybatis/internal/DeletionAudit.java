package io.github.softdelete.mybatis.internal;

/** Who deletes and why, as known on the calling thread when a marking statement binds its parameters. */
public interface DeletionAudit {
  /** Nothing known: NULL is written. */
  DeletionAudit NONE = new DeletionAudit() {
    @Override
    public String deletedBy() {
      return null;
    }

    @Override
    public String deleteReason() {
      return null;
    }
  };

  /** The user, or {@code null}. */
  String deletedBy();

  /** The reason, or {@code null}. */
  String deleteReason();
}
