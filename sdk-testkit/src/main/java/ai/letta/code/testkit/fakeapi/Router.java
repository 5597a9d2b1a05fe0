package ai.letta.code.testkit.fakeapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.letta.code.testkit.script.HttpExchange;

/**
 * Routes {@code METHOD /path/{param}/...} patterns to handlers. Paths match with or without a trailing slash,
 * since the Letta clients use both ({@code POST /v1/agents} on cloud, {@code /v1/agents/} elsewhere). First
 * registered match wins, so register literal routes before parameterised ones at the same depth.
 */
final class Router {

    @FunctionalInterface
    interface Handler {
        void handle(ApiCall call);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** Dispatches to the first matching route; false when none matches. */
    boolean dispatch(HttpExchange exchange) {
        String[] segments = split(exchange.request().path());
        for (Route route : routes) {
            if (!route.method().equals(exchange.request().method()) || route.segments().length != segments.length) {
                continue;
            }
            Map<String, String> parameters = match(route.segments(), segments);
            if (parameters != null) {
                route.handler().handle(new ApiCall(exchange, parameters));
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                parameters.put(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return parameters;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
