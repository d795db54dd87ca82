/**
 * Bad input through MyBatis on H2: SQL the parser rejects, huge and deeply nested statements, table names in
 * comments and strings, Unicode and quoted names, injection through {@code ${}}, and pathological parses.
 * Each has one clear outcome: right rows, or an error that names the problem; never a lost row or a hang.
 */
package io.github.softdelete.mybatis.badinput;
