package io.github.softdelete.agent;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.File;
import java.io.PrintStream;
import java.util.List;

/** {@code attach <pid> [options]}: loads this jar as an agent into a running JVM. */
final class AttachCommand implements Main.Command {
  @Override
  public String usage() {
    return "attach <pid> [options]      start soft deletes in a running JVM";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.size() > 2) {
      err.println(AgentLog.PREFIX + "usage: java -jar softdelete-agent.jar attach <pid> [options]");
      return 2;
    }
    String pid = args.get(0);
    String options = args.size() == 2 ? args.get(1) : "";
    try {
      String jar = new File(SoftDeleteAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getPath();
      VirtualMachine vm = VirtualMachine.attach(pid);
      try {
        vm.loadAgent(jar, options);
      } finally {
        vm.detach();
      }
      out.println(AgentLog.PREFIX + "loaded into JVM " + pid + "; its stderr says whether it activated");
      return 0;
    } catch (Exception e) {
      err.println(AgentLog.PREFIX + "cannot attach to JVM " + pid + ": " + e);
      return 1;
    }
  }

  static void listJvms(PrintStream out) {
    List<VirtualMachineDescriptor> jvms = VirtualMachine.list();
    long self = ProcessHandle.current().pid();
    out.println("JVMs to attach to:");
    boolean any = false;
    for (VirtualMachineDescriptor jvm : jvms) {
      if (!jvm.id().equals(Long.toString(self))) {
        out.println("  " + jvm.id() + "  " + (jvm.displayName().isBlank() ? "(no name)" : jvm.displayName()));
        any = true;
      }
    }
    if (!any) {
      out.println("  (none found)");
    }
  }
}
