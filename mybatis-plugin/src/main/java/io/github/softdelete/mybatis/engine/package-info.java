/**
 * The engine as a configuration builds it: {@link io.github.softdelete.mybatis.engine.EngineFactory}, the one
 * road from {@code SoftDeleteConfig} to the rewriter of {@code ...rewrite} that every tool takes (the
 * interceptor, the agent's {@code explain}, the benchmarks, the tests); the bounded cache of its answers with
 * the configuration's policy on what runs; and {@code explain}. No MyBatis types, so that the agent runs it
 * where there is no MyBatis. Internal.
 */
package io.github.softdelete.mybatis.engine;
