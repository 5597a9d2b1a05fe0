package ai.letta.code.testkit.peer;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** stdin lines and wait bounds shared by the stdio proofs (shapes from local-stdio.md §3.1, checked live). */
final class StdioLines {

    /** Generous against the measured 1.2–1.8 s spawn to system/init (offline-peers.md §9.3 says at least 10 s). */
    static final Duration STARTUP = Duration.ofSeconds(30);
    /** Deterministic turns take about 60 ms; this only bounds a broken peer. */
    static final Duration TURN = Duration.ofSeconds(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StdioLines() {
    }

    static String user(String text) {
        return JSON.writeValueAsString(Map.of("type", "user", "message", Map.of("role", "user", "content", text)));
    }

    static String interrupt(String requestId) {
        return JSON.writeValueAsString(Map.of("type", "control_request", "request_id", requestId,
                "request", Map.of("subtype", "interrupt")));
    }
}
