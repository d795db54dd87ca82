package io.github.softdelete.agent;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.jar.JarFile;

/**
 * The agent jar's hidden classes (under {@code softdelete-inner/}, see {@code src/build/Repackage.java}) and
 * the class loaders that define them.
 */
final class InnerClasses {
  static final String OPTIONS = "io.github.softdelete.agent.inner.Options";
  static final String EXPLAINER = "io.github.softdelete.agent.inner.Explainer";
  static final String PURGE = "io.github.softdelete.mybatis.purge.PurgeCommand";
  static final String CHECK = "io.github.softdelete.mybatis.check.CheckCommand";
  static final String DOCTOR = "io.github.softdelete.mybatis.doctor.DoctorCommand";

  private final JarFile jar;
  private final ProtectionDomain domain;

  private InnerClasses(JarFile jar, ProtectionDomain domain) {
    this.jar = jar;
    this.domain = domain;
  }

  static InnerClasses fromAgentJar() throws IOException {
    ProtectionDomain domain = InnerClasses.class.getProtectionDomain();
    CodeSource source = domain.getCodeSource();
    try {
      File file = new File(source.getLocation().toURI());
      return new InnerClasses(new JarFile(file), domain);
    } catch (URISyntaxException | IllegalArgumentException | NullPointerException e) {
      throw new IOException("cannot find the agent jar (" + (source == null ? null : source.getLocation()) + ")", e);
    }
  }

  /** A loader for our classes beside the MyBatis that {@code mybatis} loads. */
  ClassLoader loaderBeside(ClassLoader mybatis) {
    return new InnerLoader(jar, domain, mybatis, InnerLoader.Extras.NONE);
  }

  /**
   * Checks the options with {@code SoftDeleteConfig} itself, before any MyBatis is there.
   *
   * @return the effective options, as the activation line shows them
   */
  String validate(Properties options) throws AgentOptions.BadOptionException {
    try {
      return standalone(OPTIONS, Function.class).apply(options).toString();
    } catch (RuntimeException e) {
      throw new AgentOptions.BadOptionException(withoutPrefix(e.getMessage()));
    }
  }

  /** {@code explain}: the statement in each mode, or why it is refused. */
  String explain(Properties options, String sql) throws AgentOptions.BadOptionException {
    try {
      return standalone(EXPLAINER, BiFunction.class).apply(options, sql).toString();
    } catch (RuntimeException e) {
      throw new AgentOptions.BadOptionException(withoutPrefix(e.getMessage()));
    }
  }

  /**
   * {@code purge}: the library's purge command, in a loader whose parent is the system class loader, so that
   * the JDBC driver given with {@code -cp} is visible to {@code DriverManager}.
   *
   * @return the exit status
   */
  int purge(String[] args, PrintStream out, PrintStream err) {
    try {
      ClassLoader loader = new InnerLoader(jar, domain, ClassLoader.getSystemClassLoader(),
          hasMyBatis() ? InnerLoader.Extras.NONE : InnerLoader.Extras.STAND_INS);
      Method run = Class.forName(PURGE, true, loader)
          .getMethod("run", String[].class, PrintStream.class, PrintStream.class, boolean.class);
      return (Integer) run.invoke(null, args, out, err, System.console() != null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("purge failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the agent jar is incomplete: " + e, e);
    }
  }

  /**
   * {@code check}: the library's check, which reads mapper XML with MyBatis itself: the MyBatis on the class path
   * when there is one (the application's version), else the one hidden in the agent jar.
   *
   * @return the exit status
   */
  int check(Properties options, String[] args, PrintStream out, PrintStream err) {
    return runWithMyBatis(CHECK, options, args, out, err);
  }

  /**
   * {@code doctor}: the library's schema doctor, in a loader whose parent is the system class loader, so that the
   * JDBC driver given with {@code -cp} is visible to {@code DriverManager}; MyBatis as for {@link #check}, since
   * the configuration's errors are MyBatis's exceptions.
   *
   * @return the exit status
   */
  int doctor(Properties options, String[] args, PrintStream out, PrintStream err) {
    return runWithMyBatis(DOCTOR, options, args, out, err);
  }

  private int runWithMyBatis(String command, Properties options, String[] args, PrintStream out, PrintStream err) {
    try {
      ClassLoader loader = new InnerLoader(jar, domain, ClassLoader.getSystemClassLoader(),
          hasMyBatis() ? InnerLoader.Extras.NONE : InnerLoader.Extras.MYBATIS);
      Method run = Class.forName(command, true, loader)
          .getMethod("run", Properties.class, String[].class, PrintStream.class, PrintStream.class);
      // MyBatis resolves the types a mapper names through the context class loader
      Thread thread = Thread.currentThread();
      ClassLoader before = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        return (Integer) run.invoke(null, options, args, out, err);
      } finally {
        thread.setContextClassLoader(before);
      }
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(command + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the agent jar is incomplete: " + e, e);
    }
  }

  private static boolean hasMyBatis() {
    return ClassLoader.getSystemClassLoader().getResource("org/apache/ibatis/exceptions/PersistenceException.class")
        != null;
  }

  private static String withoutPrefix(String message) {
    return message != null && message.startsWith("softdelete: ") ? message.substring("softdelete: ".length())
        : message;
  }

  /**
   * One of our classes in a loader without MyBatis. {@code SoftDeleteConfig}'s errors are
   * {@code SoftDeleteException}s, which extend MyBatis's {@code PersistenceException}: that loader also reads
   * {@code softdelete-standin/}, which has a stand-in of that one class, so that no MyBatis class is bundled.
   */
  private <T> T standalone(String className, Class<T> type) {
    try {
      ClassLoader loader = new InnerLoader(jar, domain, ClassLoader.getPlatformClassLoader(),
          InnerLoader.Extras.STAND_INS);
      return type.cast(Class.forName(className, true, loader).getConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the agent jar is incomplete: " + e, e);
    }
  }
}
