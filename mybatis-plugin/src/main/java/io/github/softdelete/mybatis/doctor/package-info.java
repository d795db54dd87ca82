/**
 * The schema doctor behind {@code SchemaDoctor} and the agent's {@code doctor}: what a soft table's schema does
 * that soft deletes change, read from JDBC metadata (unique keys a deleted row still holds, foreign keys whose
 * ON DELETE no longer fires, a marker no index covers, marker values the column's type does not take). Plain
 * JDBC and read-only queries. Internal.
 */
package io.github.softdelete.mybatis.doctor;
