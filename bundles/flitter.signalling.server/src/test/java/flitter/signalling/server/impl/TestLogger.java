package flitter.signalling.server.impl;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

/** Loggers for unit tests: each call kept as "level: format", the arguments left out. */
final class TestLogger {
    private TestLogger() {
    }

    static Logger quiet() {
        return recording(new CopyOnWriteArrayList<>());
    }

    static Logger recording(List<String> lines) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                if (method.getReturnType() == void.class && args != null && args.length > 0
                        && args[0] instanceof String format) {
                    lines.add(method.getName() + ": " + format);
                }
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                return method.getReturnType() == String.class ? "test" : null;
            });
    }
}
