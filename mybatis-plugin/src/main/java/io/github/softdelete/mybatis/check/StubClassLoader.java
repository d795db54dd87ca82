package io.github.softdelete.mybatis.check;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds a class where its parent does, and stands in for one it does not find ({@link StubClasses}), so that
 * mapper XML can be read without the application's classes. Remembers which it stood in for.
 */
final class StubClassLoader extends ClassLoader {
  private static final Pattern BINARY_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private final Set<String> stubbed = new TreeSet<>();

  static {
    registerAsParallelCapable();
  }

  StubClassLoader(ClassLoader parent) {
    super("softdelete-check-stubs", parent);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    // the platform's packages cannot be defined here; a name that is no class name is not a class
    if (name.startsWith("java.") || name.startsWith("javax.") || !BINARY_NAME.matcher(name).matches()) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes = StubClasses.of(name);
    synchronized (stubbed) {
      stubbed.add(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** The classes stood in for, sorted. */
  Set<String> stubbed() {
    synchronized (stubbed) {
      return java.util.Collections.unmodifiableSet(new TreeSet<>(stubbed));
    }
  }
}
