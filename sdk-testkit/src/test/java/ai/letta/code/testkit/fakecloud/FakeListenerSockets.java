package ai.letta.code.testkit.fakecloud;

import java.net.URI;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Stands in for a listener in the fast tests: registers over REST as CLI 0.32.18 does and opens its socket(s) at
 * the returned {@code wsUrl} with the same query (cloud-relay.md §2, §3).
 */
final class FakeListenerSockets implements AutoCloseable {

    final JsonNode registration;
    final TestSocket control;
    /** Null in single mode. */
    final TestSocket stream;

    private FakeListenerSockets(JsonNode registration, TestSocket control, TestSocket stream) {
        this.registration = registration;
        this.control = control;
        this.stream = stream;
    }

    static JsonNode register(FakeLettaCloud cloud, String deviceId, String name) {
        return new CloudHttp(cloud.baseUrl(), cloud.apiKey()).postOk("/v1/environments/register",
                TestSocket.JSON.writeValueAsString(Map.of("deviceId", deviceId, "connectionName", name,
                        "listenerInstanceId", "inst-" + deviceId, "metadata", Map.of("lettaCodeVersion", "test"))));
    }

    /** Registers and opens the sockets the register answer asks for (generation "gen-1", attempt 1). */
    static FakeListenerSockets connect(FakeLettaCloud cloud, String deviceId, String name) {
        JsonNode registration = register(cloud, deviceId, name);
        String base = registration.path("wsUrl").asString() + "?deviceId=" + deviceId + "&connectionName=" + name;
        if (!registration.path("supportsSplitStatusChannels").asBoolean()) {
            return new FakeListenerSockets(registration, TestSocket.open(URI.create(base), cloud.apiKey(), false),
                    null);
        }
        String paired = registration.path("supportsPairedListenerGenerations").asBoolean()
                ? "&connectionGeneration=gen-1&connectionAttempt=1" : "";
        TestSocket control = TestSocket.open(URI.create(base + "&channel=control" + paired), cloud.apiKey(), false);
        TestSocket stream = TestSocket.open(URI.create(base + "&channel=stream" + paired), cloud.apiKey(), false);
        return new FakeListenerSockets(registration, control, stream);
    }

    String connectionId() {
        return registration.path("connectionId").asString();
    }

    @Override
    public void close() {
        control.close();
        if (stream != null) {
            stream.close();
        }
    }
}
