package ai.letta.code.transport.cloud.http;

import ai.letta.code.api.backend.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Clients whose retry waits are recorded and advance a manual clock instead of sleeping. */
final class TestClients {

    /** A key that must never show up in any message. */
    static final String SENTINEL_KEY = "sk-let-SENTINEL-0123456789abcdef";

    /** A clock tests move by hand; sleeping advances it. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** What the retry loop asked to wait, in order. */
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final ManualClock clock = new ManualClock();
    double jitter;

    static HttpSettings settings(URI baseUrl, Duration requestTimeout) {
        return new HttpSettings(baseUrl, Secret.of(SENTINEL_KEY, "test key"), Map.of("X-Project", "demo"),
                Duration.ofSeconds(2), requestTimeout);
    }

    LettaHttp client(URI baseUrl, RetryPolicy policy) {
        return client(settings(baseUrl, Duration.ofSeconds(5)), policy, LettaHttp.DEFAULT_MAX_RESPONSE_BYTES);
    }

    LettaHttp client(HttpSettings settings, RetryPolicy policy, int maxResponseBytes) {
        RetryTiming timing = new RetryTiming(clock, delay -> {
            sleeps.add(delay);
            clock.advance(delay);
        }, () -> jitter);
        return new LettaHttp(settings, policy, timing, maxResponseBytes, null);
    }
}
