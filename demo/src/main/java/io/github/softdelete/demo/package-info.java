/**
 * Tells the application's story three ways: as it ships, in a child JVM started with the agent, and with the
 * interceptor in its MyBatis configuration. Only {@link io.github.softdelete.demo.SoftDeleteStory} uses the
 * soft-delete API; {@link io.github.softdelete.demo.ShowSqlInterceptor} is the demo's own SQL display.
 */
package io.github.softdelete.demo;
