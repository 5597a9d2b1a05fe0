package ai.letta.code.testkit.fault;

import ai.letta.code.testkit.script.HttpExchange;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP failures a fake Letta API plays for {@link FaultInjection#failAgentCreation}: installed in front of its
 * routes ({@code FakeLettaApi.builder().front(failures)}), it answers every {@code POST /v1/agents} with the armed
 * status and the Letta server's error body ({@code {"detail": ...}}) until {@link #clear()}, and lets everything
 * else through. Every attempt fails, not just the next: the CLI and the app server use the Letta client, which
 * retries 408/409/429/5xx twice with backoff, and a failure that only hit the first attempt would be invisible.
 * A 429 carries {@code Retry-After: 1}, as the Letta API sends it.
 *
 * <p>Thread-safe: the fake's event loop tests, the scenario's thread arms and clears.
 */
public final class ApiFailures implements Predicate<HttpExchange> {

    /** Failures that let everything through until armed. */
    public ApiFailures() {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicInteger status = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    /**
     * Arms the failure.
     *
     * @param status a 4xx or 5xx status
     * @throws IllegalArgumentException for any other status
     */
    public void failAgentCreation(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx, got " + status);
        }
        answered.set(0);
        this.status.set(status);
    }

    /** Disarms it; requests reach the routes again. */
    public void clear() {
        status.set(0);
    }

    /** @return how many requests the armed failure answered since it was armed (a retrying caller makes several) */
    public int answered() {
        return answered.get();
    }

    @Override
    public boolean test(HttpExchange exchange) {
        int armed = status.get();
        String path = exchange.request().path();
        if (armed == 0 || !exchange.request().method().equals("POST")
                || !(path.equals("/v1/agents") || path.equals("/v1/agents/"))) {
            return false;
        }
        answered.incrementAndGet();
        Map<String, String> headers = armed == 429 ? Map.of("Retry-After", "1") : Map.of();
        exchange.respondJson(armed, JSON.createObjectNode().put("detail", "fake agent creation failure " + armed),
                headers);
        return true;
    }
}
