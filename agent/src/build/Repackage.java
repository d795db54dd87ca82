import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Build step after the shade plugin: moves every class that needs MyBatis (ours, and the JSqlParser and Caffeine
 * they use) under {@code softdelete-inner/} with the suffix {@code .classdata}. The system class loader, which
 * holds the agent jar, can then never load them: they are defined at run time in a child of MyBatis's own class
 * loader. Byte Buddy and the agent's entry classes stay where the system class loader finds them.
 *
 * <p>A copy of MyBatis goes under {@code softdelete-mybatis/} the same way, classes and resources: the command
 * {@code check} reads mapper XML with it where the class path has no MyBatis, and no application ever sees it.
 *
 * <p>Run by the build as
 * {@code java Repackage.java <shaded jar> <agent jar> <timestamp> <stand-in sources> <MyBatis jar>}.
 */
public final class Repackage {
  static final String INNER = "softdelete-inner/";
  static final List<String> INNER_PACKAGES = List.of(
      "io/github/softdelete/mybatis/",
      "io/github/softdelete/agent/inner/",
      "io/github/softdelete/agent/shaded/jsqlparser/",
      "io/github/softdelete/agent/shaded/caffeine/");

  static final String STANDIN = "softdelete-standin/";
  static final String MYBATIS = "softdelete-mybatis/";

  public static void main(String[] args) throws IOException {
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    FileTime time = FileTime.from(Instant.parse(args[2]));
    Map<String, byte[]> standIns = compileStandIns(Path.of(args[3]), out.resolveSibling("standin-classes"));
    Map<String, byte[]> myBatis = hidden(Path.of(args[4]), MYBATIS);
    // sorted, so that the same input always gives the same bytes
    TreeMap<String, JarEntry> entries = new TreeMap<>();
    try (JarFile jar = new JarFile(in.toFile())) {
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream target = new JarOutputStream(file)) {
        JarEntry manifest = jar.getJarEntry(JarFile.MANIFEST_NAME);
        copy(jar, manifest, "META-INF/", time, target, true);
        copy(jar, manifest, JarFile.MANIFEST_NAME, time, target, false);
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          if (!entry.isDirectory() && !entry.getName().equals(JarFile.MANIFEST_NAME)) {
            entries.put(target(entry.getName()), entry);
          }
        }
        Set<String> directories = new HashSet<>(List.of("META-INF/"));
        for (var mapped : entries.entrySet()) {
          String name = mapped.getKey();
          for (String dir : directoriesOf(name)) {
            if (directories.add(dir)) {
              copy(jar, null, dir, time, target, true);
            }
          }
          copy(jar, mapped.getValue(), name, time, target, false);
        }
        Map<String, byte[]> added = new TreeMap<>(standIns);
        added.putAll(myBatis);
        for (var standIn : added.entrySet()) {
          for (String dir : directoriesOf(standIn.getKey())) {
            if (directories.add(dir)) {
              copy(jar, null, dir, time, target, true);
            }
          }
          JarEntry entry = new JarEntry(standIn.getKey());
          entry.setLastModifiedTime(time);
          target.putNextEntry(entry);
          target.write(standIn.getValue());
          target.closeEntry();
        }
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The classes and resources of {@code jar} under {@code prefix}, classes as {@code .classdata}: name in the jar
   * -> bytes. Its licence and notice come along; its manifest and Maven files do not.
   */
  private static Map<String, byte[]> hidden(Path jarFile, String prefix) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (JarFile jar = new JarFile(jarFile.toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        String name = entry.getName();
        boolean kept = name.startsWith("org/") || name.equals("META-INF/LICENSE") || name.equals("META-INF/NOTICE");
        if (entry.isDirectory() || !kept || name.endsWith("module-info.class")) {
          continue;
        }
        String target = name.endsWith(".class") ? name.substring(0, name.length() - 6) + ".classdata" : name;
        try (InputStream in = jar.getInputStream(entry)) {
          entries.put(prefix + target, in.readAllBytes());
        }
      }
    }
    return entries;
  }

  /** Compiles the sources under {@code sources}: name in the jar -> class file. */
  private static Map<String, byte[]> compileStandIns(Path sources, Path classes) throws IOException {
    List<String> files;
    try (var walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
    arguments.addAll(files);
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)) != 0) {
      throw new IOException("cannot compile " + sources);
    }
    Map<String, byte[]> compiled = new TreeMap<>();
    try (var walk = Files.walk(classes)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        compiled.put(STANDIN + name.substring(0, name.length() - 6) + ".classdata", Files.readAllBytes(file));
      }
    }
    return compiled;
  }

  static String target(String name) {
    for (String prefix : INNER_PACKAGES) {
      if (name.startsWith(prefix)) {
        return INNER + (name.endsWith(".class") ? name.substring(0, name.length() - 6) + ".classdata" : name);
      }
    }
    return name;
  }

  private static List<String> directoriesOf(String name) {
    ArrayList<String> dirs = new ArrayList<>();
    for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
      dirs.add(name.substring(0, i + 1));
    }
    return dirs;
  }

  private static void copy(JarFile jar, JarEntry source, String name, FileTime time, JarOutputStream target,
      boolean directory) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setLastModifiedTime(time);
    target.putNextEntry(entry);
    if (!directory) {
      try (InputStream data = jar.getInputStream(source)) {
        data.transferTo(target);
      }
    }
    target.closeEntry();
  }
}
