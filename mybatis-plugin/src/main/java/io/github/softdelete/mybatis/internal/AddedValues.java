package io.github.softdelete.mybatis.internal;

import io.github.softdelete.mybatis.rewrite.Binding;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The values the library binds for one execution of a statement (and of its cascade): read once, so that
 * parent and children get the same marker, the same user and the same reason.
 */
final class AddedValues {
  private final DeletionAudit audit;
  private Timestamp marker;
  private boolean userRead;
  private String user;
  private boolean reasonRead;
  private String reason;

  AddedValues(DeletionAudit audit) {
    this.audit = audit;
  }

  Object valueOf(Binding.Added added) {
    return switch (added) {
      case MARKER -> marker();
      case DELETED_BY -> user();
      case DELETE_REASON -> reason();
    };
  }

  // the application's clock, bound once for parent and children (CURRENT_TIMESTAMP would be read per statement)
  private Timestamp marker() {
    if (marker == null) {
      marker = Timestamp.from(Instant.now());
    }
    return marker;
  }

  private String user() {
    if (!userRead) {
      user = audit.deletedBy();
      userRead = true;
    }
    return user;
  }

  private String reason() {
    if (!reasonRead) {
      reason = audit.deleteReason();
      reasonRead = true;
    }
    return reason;
  }
}
