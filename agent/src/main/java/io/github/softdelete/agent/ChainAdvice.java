package io.github.softdelete.agent;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined at the end of {@code InterceptorChain#pluginAll(Object)}: every executor MyBatis creates passes here. */
final class ChainAdvice {
  private ChainAdvice() {}

  // suppress: whatever goes wrong here, MyBatis gets the object it built
  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object chain,
      @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object target) {
    target = Bridge.pluginAll(chain, target);
  }
}
