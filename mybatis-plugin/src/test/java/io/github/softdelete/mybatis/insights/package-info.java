/** The insights recipe of docs/insights.md (deletions per day, who deletes most, time to deletion) run on a fixture. */
package io.github.softdelete.mybatis.insights;
