/**
 * Soft deletes for MyBatis: the public API.
 *
 * <p>Register {@link io.github.softdelete.mybatis.SoftDeleteInterceptor} and every mapped statement is
 * rewritten so that soft-deleted rows do not exist; {@link io.github.softdelete.mybatis.IncludeDeleted},
 * {@link io.github.softdelete.mybatis.OnlyDeleted} and {@link io.github.softdelete.mybatis.HardDelete} change
 * that for a block of code. Everything in the sub-packages is internal and may change without notice.
 */
package io.github.softdelete.mybatis;
