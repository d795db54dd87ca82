/** The README's insights recipe (deletions per day, who deletes most, time to deletion) run on a fixture. */
package io.github.softdelete.mybatis.insights;
