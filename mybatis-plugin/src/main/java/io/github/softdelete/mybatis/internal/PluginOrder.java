package io.github.softdelete.mybatis.internal;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.ibatis.logging.LogFactory;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.session.Configuration;

/**
 * Warns, once per MyBatis configuration, of a plugin registered outside softdelete whose own statements
 * softdelete cannot see: PageHelper's asynchronous count runs on an executor PageHelper builds itself,
 * outside the plugin chain, and counts deleted rows unless softdelete rewrote the SQL before PageHelper saw it.
 */
final class PluginOrder {
  static final String PAGE_HELPER = "com.github.pagehelper.PageInterceptor";
  private static final String SOFT_DELETE = "io.github.softdelete.mybatis.SoftDeleteInterceptor";

  private final Set<Configuration> checked = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  // the configuration checked last: the usual application has one, so the check costs one volatile read
  private volatile WeakReference<Configuration> last = new WeakReference<>(null);

  void check(Configuration configuration) {
    if (last.get() == configuration) {
      return;
    }
    last = new WeakReference<>(configuration);
    if (!checked.add(configuration)) {
      return;
    }
    List<Interceptor> interceptors = configuration.getInterceptors();
    int ours = indexOf(interceptors, SOFT_DELETE, 0);
    // the interceptor added last wraps outermost
    if (ours >= 0 && indexOf(interceptors, PAGE_HELPER, ours + 1) >= 0) {
      LogFactory.getLog(PluginOrder.class).warn("softdelete: PageHelper's PageInterceptor is registered after"
          + " SoftDeleteInterceptor, so it wraps outside it; a PageHelper count run asynchronously"
          + " (enableAsyncCount) would then count deleted rows. Register SoftDeleteInterceptor after PageInterceptor.");
    }
  }

  private static int indexOf(List<Interceptor> interceptors, String className, int from) {
    for (int i = from; i < interceptors.size(); i++) {
      if (interceptors.get(i).getClass().getName().equals(className)) {
        return i;
      }
    }
    return -1;
  }
}
