package ai.letta.code.transport.local.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port that calls, on each call, the port of the server running now: a user may keep {@code client.models()} for
 * the client's lifetime, across a server that died and was replaced, and holding it starts nothing.
 */
final class CurrentServer {

    private CurrentServer() {}

    /**
     * @param port the port interface
     * @param current the running server's port, starting a server first if none runs
     * @param <T> the port type
     * @return a port that delegates each call to {@code current.get()}
     */
    static <T> T port(Class<T> port, Supplier<? extends T> current) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> port.getSimpleName() + " of the loopback app server";
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> proxy == args[0];
                };
            }
            try {
                return method.invoke(current.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
