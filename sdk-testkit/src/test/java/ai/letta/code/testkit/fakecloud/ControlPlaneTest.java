package ai.letta.code.testkit.fakecloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The fake cloud's REST control plane, socket auth and socket faults (cloud-relay.md §2, §8, §11), with plain
 * clients standing in for listeners and SDKs; no listener process.
 */
class ControlPlaneTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeLettaCloud cloud;

    @AfterEach
    void close() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void registerAnswersANewConnectionIdAndAWsUrlPerRegistrationWithTheModesFlags() {
        cloud = FakeLettaCloud.start();
        JsonNode first = FakeListenerSockets.register(cloud, "dev-1", "probe");
        JsonNode second = FakeListenerSockets.register(cloud, "dev-1", "probe");

        assertThat(first.path("connectionId").asString()).matches("conn-[0-9a-f-]{36}");
        assertThat(second.path("connectionId").asString()).isNotEqualTo(first.path("connectionId").asString());
        assertThat(first.path("wsUrl").asString()).isEqualTo("ws://127.0.0.1:" + cloud.api().port()
                + "/v1/environments/" + first.path("connectionId").asString() + "/listener/ws");
        assertThat(first.path("supportsSplitStatusChannels").asBoolean()).isTrue();
        assertThat(first.path("supportsPairedListenerGenerations").asBoolean()).isTrue();
        cloud.close();

        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        JsonNode single = FakeListenerSockets.register(cloud, "dev-1", "probe");
        assertThat(single.path("supportsSplitStatusChannels").asBoolean()).isFalse();
        assertThat(single.path("supportsPairedListenerGenerations").asBoolean()).isFalse();
    }

    @Test
    void controlPlaneCallsWithoutTheKeyAre401WithAnErrorCodeWhileLettaApiCallsAreNotChecked() {
        cloud = FakeLettaCloud.builder().apiKey("right-key").start();
        for (CloudHttp http : List.of(new CloudHttp(cloud.baseUrl(), null), new CloudHttp(cloud.baseUrl(), "wrong"))) {
            HttpResponse<String> refused = http.get("/v1/environments");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(CloudHttp.json(refused).path("errorCode").asString()).isEqualTo("unauthorized");
            assertThat(CloudHttp.json(refused).path("message").asString()).isNotEmpty();
            assertThat(http.post("/v1/environments/register", "{}").statusCode()).isEqualTo(401);
            assertThat(http.post("/v1/agents/agent-x/sandboxes", "{}").statusCode()).isEqualTo(401);
        }
        assertThat(new CloudHttp(cloud.baseUrl(), null).post("/v1/agents", "{\"name\":\"a\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void environmentsListAndGetHaveTheSdkShapeAndConnectionIdIsNullOnceTheControlSocketCloses() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).start();
        CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
        FakeListenerSockets.register(cloud, "dev-off", "offline-one");
        String connectionId;
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-on", "online-one")) {
            connectionId = listener.connectionId();
            cloud.awaitOnline("dev-on", WAIT);
            JsonNode all = CloudHttp.ok(http.get("/v1/environments"));
            assertThat(all.path("hasNextPage").asBoolean(true)).isFalse();
            assertThat(all.path("connections")).hasSize(2);
            JsonNode online = CloudHttp.ok(http.get("/v1/environments?onlineOnly=true")).path("connections");
            assertThat(online).singleElement().satisfies(e -> {
                assertThat(e.path("connectionId").asString()).isEqualTo(connectionId);
                assertThat(e.path("deviceId").asString()).isEqualTo("dev-on");
                assertThat(e.path("connectionName").asString()).isEqualTo("online-one");
                assertThat(e.path("metadata").path("lettaCodeVersion").asString()).isEqualTo("test");
                for (String field : List.of("id", "organizationId", "podId")) {
                    assertThat(e.path(field).isString()).as(field).isTrue();
                }
                // The OpenAPI document's shape: times in epoch milliseconds; currentMode optional (unknown here).
                for (String field : List.of("connectedAt", "lastHeartbeat", "lastSeenAt", "firstSeenAt")) {
                    assertThat(e.path(field).isIntegralNumber()).as(field).isTrue();
                }
                assertThat(e.has("currentMode")).isFalse();
            });
            assertThat(CloudHttp.ok(http.get("/v1/environments/dev-on")).path("connectionId").asString())
                    .isEqualTo(connectionId);
            assertThat(CloudHttp.ok(http.get("/v1/environments/dev-off")).path("connectionId").isNull()).isTrue();
        }
        cloud.awaitEnvironment("dev-on", e -> !e.online(), WAIT);
        assertThat(CloudHttp.ok(http.get("/v1/environments/dev-on")).path("connectionId").isNull()).isTrue();

        HttpResponse<String> missing = http.get("/v1/environments/dev-nobody");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"errorCode\":\"environment_not_found\",\"message\":\"Environment not found\"}");
    }

    @Test
    void failedRegistrationsAnswerTheStatusWithRetryAfterThenRegistrationWorks() {
        cloud = FakeLettaCloud.start();
        cloud.failRegistrations(429, 2, 3);
        CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
        String body = "{\"deviceId\":\"dev-1\",\"connectionName\":\"probe\"}";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> failed = http.post("/v1/environments/register", body);
            assertThat(failed.statusCode()).isEqualTo(429);
            assertThat(failed.headers().firstValue("Retry-After")).contains("3");
            assertThat(CloudHttp.json(failed).path("message").asString()).isEqualTo("fake register failure 429");
        }
        assertThat(http.postOk("/v1/environments/register", body).path("connectionId").asString())
                .startsWith("conn-");
    }

    @Test
    void failNextFailsMatchingRequestsOfAnyPathWithTheScriptedBodyThenStops() {
        cloud = FakeLettaCloud.start();
        CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
        cloud.failNext("POST", "/v1/agents/?", 409, ErrorShape.ERROR_OBJECT.body("conflict", "busy"), null, 1);
        cloud.failNext("GET", "/v1/environments.*", 503, ErrorShape.DETAIL.body(null, "down"), 7, 1);

        HttpResponse<String> conflict = http.post("/v1/agents", "{\"name\":\"a\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo("{\"error\":{\"type\":\"conflict\",\"message\":\"busy\"}}");
        assertThat(conflict.headers().firstValue("Retry-After")).isEmpty();
        HttpResponse<String> down = http.get("/v1/environments");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"detail\":\"down\"}");
        assertThat(down.headers().firstValue("Retry-After")).contains("7");

        assertThat(http.post("/v1/agents", "{\"name\":\"a\"}").statusCode()).isEqualTo(200);
        assertThat(http.get("/v1/environments").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> cloud.failNext("GET", "/x", 200, "{}", null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    }

    @Test
    void sdkSocketsNeedTheKeyAsBearerOrTokenAndAKnownConnectionId() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe")) {
            URI uri = cloud.sdkSocketUri(listener.connectionId(), "agent-1", "conv-1", "control");
            assertThat(TestSocket.upgradeStatus(uri, null)).isEqualTo(401);
            assertThat(TestSocket.upgradeStatus(uri, "wrong")).isEqualTo(401);
            assertThat(TestSocket.upgradeStatus(URI.create(uri + "&token=" + cloud.apiKey()), null)).isEqualTo(101);
            assertThat(TestSocket.upgradeStatus(uri, cloud.apiKey())).isEqualTo(101);
            assertThat(TestSocket.upgradeStatus(cloud.sdkSocketUri("conn-unknown", "agent-1", "conv-1", null),
                    cloud.apiKey())).isEqualTo(404);
        }
    }

    @Test
    void aListenerSocketForAnUnknownConnectionIsClosedWith1008SoTheListenerRegistersAgain() {
        cloud = FakeLettaCloud.start();
        URI uri = URI.create("ws://127.0.0.1:" + cloud.api().port()
                + "/v1/environments/conn-unknown/listener/ws?deviceId=dev-1&connectionName=probe");
        assertThat(TestSocket.upgradeStatus(uri, null)).isEqualTo(401);
        try (TestSocket socket = TestSocket.open(uri, cloud.apiKey(), false)) {
            assertThat(socket.awaitClose(WAIT)).isEqualTo(1008);
            assertThat(socket.closeReason()).isEqualTo("Environment not found");
        }
    }

    @Test
    void reRegistrationReplacesTheOldListenerSocketsAndClosesTheOldConnectionsSdkSockets() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets old = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket sdk = TestSocket.open(cloud.sdkSocketUri(old.connectionId(), null, null, null),
                        cloud.apiKey(), true)) {
            JsonNode again = FakeListenerSockets.register(cloud, "dev-1", "probe");

            assertThat(old.control.awaitClose(WAIT)).isEqualTo(1000);
            assertThat(old.control.closeReason()).isEqualTo("Replaced by new connection");
            assertThat(sdk.awaitClose(WAIT)).isEqualTo(1001);
            assertThat(TestSocket.upgradeStatus(cloud.sdkSocketUri(old.connectionId(), null, null, null),
                    cloud.apiKey())).as("the old connection id is gone").isEqualTo(404);
            assertThat(cloud.environment("dev-1").orElseThrow().registrations()).isEqualTo(2);
            assertThat(again.path("connectionId").asString()).isNotEqualTo(old.connectionId());
        }
    }

    @Test
    void closeListenerSocketsSendsTheChosenCodeAndReasonToEveryListenerSocket() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe")) {
            cloud.awaitOnline("dev-1", WAIT);
            cloud.closeListenerSockets("dev-1", 1011, "please reconnect");
            for (TestSocket socket : List.of(listener.control, listener.stream)) {
                assertThat(socket.awaitClose(WAIT)).isEqualTo(1011);
                assertThat(socket.closeReason()).isEqualTo("please reconnect");
            }
            assertThat(cloud.awaitEnvironment("dev-1", e -> !e.online(), WAIT).connectionId()).isNull();
        }
        assertThatThrownBy(() -> cloud.closeListenerSockets("dev-nobody", 1011, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectedListenerUpgradesAnswerTheStatusThenUpgradesWorkAgain() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        JsonNode registration = FakeListenerSockets.register(cloud, "dev-1", "probe");
        URI uri = URI.create(registration.path("wsUrl").asString() + "?deviceId=dev-1&connectionName=probe");
        cloud.rejectListenerUpgrades(503, 2);
        assertThat(TestSocket.upgradeStatus(uri, cloud.apiKey())).isEqualTo(503);
        assertThat(TestSocket.upgradeStatus(uri, cloud.apiKey())).isEqualTo(503);
        assertThat(TestSocket.upgradeStatus(uri, cloud.apiKey())).isEqualTo(101);
    }

    @Test
    void droppedSdkSocketsSee1006AndRefusedOnesGet503UntilAcceptedAgain() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe");
                TestSocket sdk = TestSocket.open(cloud.sdkSocketUri(listener.connectionId(), null, null, null),
                        cloud.apiKey(), true)) {
            assertThat(cloud.sdkSocketCount()).isEqualTo(1);
            cloud.refuseSdkSockets(true);
            cloud.dropSdkSockets();
            assertThat(sdk.awaitClose(WAIT)).isEqualTo(1006);
            URI uri = cloud.sdkSocketUri(listener.connectionId(), null, null, null);
            assertThat(TestSocket.upgradeStatus(uri, cloud.apiKey())).isEqualTo(503);
            cloud.refuseSdkSockets(false);
            assertThat(TestSocket.upgradeStatus(uri, cloud.apiKey())).isEqualTo(101);
        }
    }

    @Test
    void environmentMessagesAreForwardedAsALegacyMessageFrameOr404Or503() {
        cloud = FakeLettaCloud.builder().socketMode(SocketMode.SINGLE).start();
        CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
        String body = TestSocket.JSON.writeValueAsString(Map.of("agentId", "agent-1", "conversationId", "conv-1",
                "messages", List.of(Map.of("role", "user", "content", "hi", "client_message_id", "cm-1"))));
        assertThat(http.post("/v1/environments/conn-unknown/messages", body).statusCode()).isEqualTo(404);
        String connectionId;
        try (FakeListenerSockets listener = FakeListenerSockets.connect(cloud, "dev-1", "probe")) {
            connectionId = listener.connectionId();
            cloud.awaitOnline("dev-1", WAIT);
            JsonNode sent = http.postOk("/v1/environments/" + connectionId + "/messages", body);
            assertThat(sent.path("success").asBoolean()).isTrue();
            assertThat(sent.path("message").isString()).isTrue();
            JsonNode frame = listener.control.awaitType("message", WAIT);
            assertThat(frame.path("agentId").asString()).isEqualTo("agent-1");
            assertThat(frame.path("conversationId").asString()).isEqualTo("conv-1");
            assertThat(frame.path("messages").path(0).path("content").asString()).isEqualTo("hi");
        }
        cloud.awaitEnvironment("dev-1", e -> !e.online(), WAIT);
        HttpResponse<String> offline = http.post("/v1/environments/" + connectionId + "/messages", body);
        assertThat(offline.statusCode()).isEqualTo(503);
        assertThat(CloudHttp.json(offline).path("errorCode").asString()).isEqualTo("environment_offline");
    }

    @Test
    void sandboxCallsForUnknownAgentsAndSandboxesAre404WithoutSpawningAnything() {
        cloud = FakeLettaCloud.start();
        CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
        HttpResponse<String> noAgent = http.post("/v1/agents/agent-nobody/sandboxes", "{}");
        assertThat(noAgent.statusCode()).isEqualTo(404);
        assertThat(CloudHttp.json(noAgent).path("errorCode").asString()).isEqualTo("agent_not_found");
        for (String path : List.of("/v1/sandboxes/sandbox-00000000/refresh", "/v1/sandboxes/sandbox-00000000/terminate",
                "/v1/agents/agent-nobody/sandboxes/refresh")) {
            HttpResponse<String> missing = http.post(path, "{\"ttlMinutes\":5}");
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(CloudHttp.json(missing).path("errorCode").asString()).isEqualTo("sandbox_not_found");
        }
        assertThat(http.delete("/v1/agents/agent-nobody/sandboxes").statusCode()).isEqualTo(404);
        assertThat(cloud.sandboxes()).isEmpty();
    }
}
