/**
 * Soft deletes for MyBatis: the public API.
 *
 * <p>Register {@link io.github.softdelete.mybatis.SoftDeleteInterceptor} and every mapped statement is
 * rewritten so that soft-deleted rows do not exist; {@link io.github.softdelete.mybatis.IncludeDeleted},
 * {@link io.github.softdelete.mybatis.OnlyDeleted}, {@link io.github.softdelete.mybatis.HardDelete} and
 * {@link io.github.softdelete.mybatis.Undelete} change that for a block of code, and
 * {@link io.github.softdelete.mybatis.DeletedBy} says who deletes and why. Everything in the sub-packages is
 * internal and may change without notice.
 */
package io.github.softdelete.mybatis;
