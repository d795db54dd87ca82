package io.github.softdelete.mybatis;

/**
 * Who is deleting, for applications that know the current user elsewhere (a Spring Security principal, a
 * request attribute). Named by the {@code deletedBySupplier} property (a public class with a public
 * constructor without arguments), or handed to {@link SoftDeleteInterceptor#setDeletedBySupplier}.
 *
 * <p>Asked on the thread that runs each marking DELETE, unless a {@link DeletedBy} scope names the user.
 */
@FunctionalInterface
public interface DeletedBySupplier {
  /** The user to write into {@code deletedByColumn}, or {@code null} when unknown (NULL is written). */
  String deletedBy();
}
