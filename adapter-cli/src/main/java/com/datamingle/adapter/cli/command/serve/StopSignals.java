package com.datamingle.adapter.cli.command.serve;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and SIGINT as a request to stop, so that {@code serve} drains its requests and exits 0
 * instead of the JVM's 143 (or 130). The JDK's handler API ({@code sun.misc.Signal}, module
 * jdk.unsupported) is reached by reflection: a JDK without it keeps the JVM's own handling (the
 * shutdown hook still drains), and the build stays free of proprietary-API warnings.
 */
final class StopSignals {
  private StopSignals() {}

  /** Runs {@code onStop} on SIGTERM and SIGINT; false when the JDK cannot route them here. */
  static boolean install(Runnable onStop) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object handler =
          Proxy.newProxyInstance(
              StopSignals.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      onStop.run();
                      yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "datamingle stop handler";
                  });
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      for (String name : new String[] {"TERM", "INT"}) {
        handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}
