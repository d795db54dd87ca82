/**
 * Runs the application's story twice: as it ships, and with the soft-delete plugin in its MyBatis
 * configuration. Only {@link io.github.softdelete.demo.SoftDeleteStory} uses the soft-delete API.
 */
package io.github.softdelete.demo;
