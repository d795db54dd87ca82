package io.github.softdelete.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Adds an exit hook to {@code org.apache.ibatis.plugin.InterceptorChain#pluginAll(Object)}: before each
 * {@code return}, the object MyBatis built passes through {@link Bridge#pluginAll}. Every executor of every
 * {@code Configuration} passes there, including those of configurations built before a dynamic attach.
 *
 * <p>Types are matched by name, before anything is parsed, so that the other classes of the application cost
 * one string comparison each. The class format never changes (no new members), so already loaded classes can
 * be retransformed. The weaving uses the ASM that Byte Buddy bundles: Byte Buddy's own agent builder costs
 * hundreds of milliseconds of start-up for a job of four instructions.
 */
final class ChainTransformer implements ClassFileTransformer {
  static final String INTERCEPTOR_CHAIN = "org.apache.ibatis.plugin.InterceptorChain";
  private static final String INTERNAL_NAME = INTERCEPTOR_CHAIN.replace('.', '/');
  private static final String BRIDGE = Bridge.class.getName().replace('.', '/');
  private static final String OBJECT_TO_OBJECT = "(Ljava/lang/Object;)Ljava/lang/Object;";
  private static final String PLUGIN_ALL = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";

  private ChainTransformer() {}

  static void install(Instrumentation instrumentation, boolean attached) throws UnmodifiableClassException {
    instrumentation.addTransformer(new ChainTransformer(), true);
    boolean loaded = false;
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (type.getName().equals(INTERCEPTOR_CHAIN)) {
        loaded = true;
        instrumentation.retransformClasses(type);
      }
    }
    if (attached && !loaded) {
      AgentLog.line("no MyBatis loaded in this JVM yet; it is hooked when it loads");
    }
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
      byte[] classFile) {
    if (!INTERNAL_NAME.equals(className)) {
      return null;
    }
    try {
      if (!seesBridge(loader)) {
        AgentLog.line("cannot hook " + INTERCEPTOR_CHAIN + " in " + loader + ": that class loader does not see "
            + "the agent's classes; soft deletes are not active for it");
        return null;
      }
      ClassReader reader = new ClassReader(classFile);
      ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
      PluginAllHook hook = new PluginAllHook(writer);
      reader.accept(hook, 0);
      if (!hook.found) {
        AgentLog.line(INTERCEPTOR_CHAIN + " in " + loader + " has no public pluginAll(Object): a MyBatis this agent "
            + "does not know; soft deletes are not active for it");
        return null;
      }
      return writer.toByteArray();
    } catch (RuntimeException | LinkageError e) {
      AgentLog.line("cannot hook " + INTERCEPTOR_CHAIN + " in " + loader + " (" + e + "); soft deletes are not "
          + "active for it");
      return null;
    }
  }

  // the woven call links against Bridge through MyBatis's class loader: it must find this very class
  private static boolean seesBridge(ClassLoader loader) {
    try {
      return loader != null && Class.forName(Bridge.class.getName(), false, loader) == Bridge.class;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Finds {@code public Object pluginAll(Object)} and hooks each of its returns. */
  private static final class PluginAllHook extends ClassVisitor {
    boolean found;

    PluginAllHook(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
      boolean pluginAll = name.equals("pluginAll") && descriptor.equals(OBJECT_TO_OBJECT)
          && (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) == 0;
      if (!pluginAll) {
        return next;
      }
      found = true;
      return new MethodVisitor(Opcodes.ASM9, next) {
        @Override
        public void visitInsn(int opcode) {
          if (opcode == Opcodes.ARETURN) {
            // stack: target -> this, target -> Bridge.pluginAll(this, target)
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitInsn(Opcodes.SWAP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "pluginAll", PLUGIN_ALL, false);
          }
          super.visitInsn(opcode);
        }
      };
    }
  }
}
