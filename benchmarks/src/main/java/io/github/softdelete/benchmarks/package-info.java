/**
 * JMH benchmarks of softdelete against plain MyBatis and MyBatis-Plus, on H2 in memory, and the small programs
 * that measure the rewrite cache's memory and turn JMH's JSON into a chart. Built by the build, run by hand.
 */
package io.github.softdelete.benchmarks;
