package io.github.softdelete.mybatis;

import io.github.softdelete.mybatis.internal.DeletionAudit;
import java.util.function.Supplier;

/** Who deletes and why on the calling thread: the {@link DeletedBy} scope first, then the supplier. */
final class CurrentDeletion implements DeletionAudit {
  private final Supplier<DeletedBySupplier> supplier;

  CurrentDeletion(Supplier<DeletedBySupplier> supplier) {
    this.supplier = supplier;
  }

  @Override
  public String deletedBy() {
    String user = DeletedBy.currentUser();
    if (user != null) {
      return user;
    }
    DeletedBySupplier current = supplier.get();
    return current == null ? null : current.deletedBy();
  }

  @Override
  public String deleteReason() {
    return DeletedBy.currentReason();
  }
}
