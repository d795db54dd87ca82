package io.github.softdelete.mybatis.differential;

/** The database servers the differential check runs on. */
enum Dialect {
  H2,
  POSTGRESQL,
  MARIADB
}
