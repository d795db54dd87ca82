/** Faults in the middle of a soft delete: rollbacks, dropped connections, statements that fail part way. */
package io.github.softdelete.mybatis.faults;
