/** Hibernate's {@code @SoftDelete}, tested for the claims of README's comparison table. */
package io.github.softdelete.compare.hibernate;
