/**
 * Classes that need the application's MyBatis. The agent jar keeps them where the system class loader cannot
 * load them; {@code InnerLoader} defines them in a child of MyBatis's own class loader, and the agent reaches
 * them through JDK types only ({@code BiFunction}, {@code Function}, {@code Properties}).
 */
package io.github.softdelete.agent.inner;
