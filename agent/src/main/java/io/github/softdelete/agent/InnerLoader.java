package io.github.softdelete.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the agent jar's hidden classes as a child of MyBatis's class loader, so that they link against the
 * application's MyBatis. Our classes come first: a softdelete-mybatis the application may have of its own
 * must not be mixed with ours.
 */
final class InnerLoader extends ClassLoader {
  static final String INNER = "softdelete-inner/";
  static final String STANDIN = "softdelete-standin/";
  static final String MYBATIS = "softdelete-mybatis/";

  /** What the loader defines besides our classes, where the class path has no MyBatis. */
  enum Extras {
    NONE,
    /** The stand-in of {@code softdelete-standin/}: enough to check options and explain. */
    STAND_INS,
    /** The MyBatis of {@code softdelete-mybatis/}, for {@code check}, which reads mapper XML. */
    MYBATIS
  }

  static {
    registerAsParallelCapable();
  }

  /*
   * The scopes' thread-local state: taken from the application when it has softdelete-mybatis itself, so that
   * IncludeDeleted, Undelete, DeletedBy... opened by its code reach the agent's interceptor. Only public
   * members of these classes are used across the two loaders.
   */
  private static final Set<String> SHARED = Set.of(
      "io.github.softdelete.mybatis.SoftDeleteMode",
      "io.github.softdelete.mybatis.ModeHolder",
      "io.github.softdelete.mybatis.IncludeDeleted",
      // the thread's IncludeDeleted.tables(...) scope: held, and handed to the engine, as this type
      "io.github.softdelete.mybatis.IncludeDeleted$Tables",
      "io.github.softdelete.mybatis.OnlyDeleted",
      "io.github.softdelete.mybatis.HardDelete",
      "io.github.softdelete.mybatis.Undelete",
      "io.github.softdelete.mybatis.DeletedBy");

  private final JarFile jar;
  private final ProtectionDomain domain;
  private final Extras extras;

  /** @param extras what to define besides our classes: only where MyBatis is absent */
  InnerLoader(JarFile jar, ProtectionDomain domain, ClassLoader parent, Extras extras) {
    super("softdelete-agent", parent);
    this.jar = jar;
    this.domain = domain;
    this.extras = extras;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        type = SHARED.contains(name) ? fromParent(name) : null;
        if (type == null) {
          byte[] bytes = name.startsWith("java.") ? null : bytesOf(name);
          type = bytes == null ? super.loadClass(name, false) : defineClass(name, bytes, 0, bytes.length, domain);
        }
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  private Class<?> fromParent(String name) {
    ClassLoader parent = getParent();
    try {
      return parent == null ? null : parent.loadClass(name);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    throw new ClassNotFoundException(name);
  }

  @Override
  protected URL findResource(String name) {
    JarEntry entry = jar.getJarEntry(INNER + name);
    if (entry == null && extras == Extras.MYBATIS) {
      // MyBatis reads its DTDs as resources
      entry = jar.getJarEntry(MYBATIS + name);
    }
    if (entry == null) {
      return null;
    }
    try {
      return new URL("jar:" + new java.io.File(jar.getName()).toURI() + "!/" + entry.getName());
    } catch (MalformedURLException e) {
      return null;
    }
  }

  private byte[] bytesOf(String className) {
    String path = className.replace('.', '/') + ".classdata";
    JarEntry entry = jar.getJarEntry(INNER + path);
    if (entry == null && extras != Extras.NONE) {
      entry = jar.getJarEntry((extras == Extras.STAND_INS ? STANDIN : MYBATIS) + path);
    }
    if (entry == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + entry.getName() + " from " + jar.getName(), e);
    }
  }
}
