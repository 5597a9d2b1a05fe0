package ai.letta.code.spi;

import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Set;

/**
 * A resource family a backend does not offer: every call throws an {@link UnsupportedFeatureException} that names
 * the call and the cloud backend (the Letta API's resources live on a Letta API server), never a silent no-op.
 */
public final class Unsupported {

    private Unsupported() {
    }

    /**
     * @param <T> the resource interface
     * @param type the resource interface, e.g. {@code Tools.class}
     * @param backend the backend that does not offer it
     * @return an instance whose every method throws
     */
    public static <T> T resource(Class<T> type, BackendKind backend) {
        String family = type.getSimpleName().substring(0, 1).toLowerCase(Locale.ROOT)
                + type.getSimpleName().substring(1);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "Unsupported[" + family + " on " + backend.label() + "]";
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                default:
                    break;
            }
            throw feature(family + "()." + method.getName(), backend);
        }));
    }

    /**
     * @param feature the call, e.g. {@code agents().export}
     * @param backend the backend that was asked
     * @return the exception for an operation only a Letta API server offers
     */
    public static UnsupportedFeatureException feature(String feature, BackendKind backend) {
        return new UnsupportedFeatureException(feature, backend, Set.of(BackendKind.CLOUD),
                "it is a Letta API resource: use Backend.cloud(...) with Letta Cloud or a Letta API server's base URL");
    }
}
