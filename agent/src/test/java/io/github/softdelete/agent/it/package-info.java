/**
 * Integration tests: each scenario forks a JVM (a fixture application, with and without the agent) and asserts
 * on what it prints. Run by failsafe after {@code package}, when {@code softdelete-agent.jar} exists.
 */
package io.github.softdelete.agent.it;
