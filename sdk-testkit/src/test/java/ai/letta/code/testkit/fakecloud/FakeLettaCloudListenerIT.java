package ai.letta.code.testkit.fakecloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.letta.code.testkit.peer.ListenerProcess;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerProcessException;
import ai.letta.code.testkit.peer.ProcessLeakCheck;
import ai.letta.code.testkit.script.RecordedRequest;
import ai.letta.code.testkit.script.TurnScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * {@link FakeLettaCloud} bridging an emulated SDK (raw websocket JSON, as upstream {@code CloudStatusTransport}
 * speaks it) to the REAL pinned listener: a managed sandbox comes online, a scripted turn with a tool approval runs
 * over the relay, the listener reconnects after 1011 and re-registers after 1008, terminate kills it, and
 * {@code close()} leaves no process.
 */
@ExtendWith(NoLeftoverProcesses.class)
class FakeLettaCloudListenerIT {

    private static final Duration ONLINE = Duration.ofSeconds(30);
    private static final Duration REPLY = Duration.ofSeconds(15);

    @Test
    void sandboxRunsAnApprovedToolTurnOverTheRelayReconnectsAfter1011ReRegistersAfter1008AndTerminateKillsIt()
            throws Exception {
        Set<ProcessHandle> before = ProcessLeakCheck.snapshot();
        FakeLettaCloud cloud = FakeLettaCloud.builder().warmSandboxes(1).start();
        try {
            CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
            String agentId = http.postOk("/v1/agents", "{\"name\":\"cloud-it\",\"model\":\"anthropic/fake-claude\"}")
                    .path("id").asString();
            String conversationId = http.postOk("/v1/conversations/?agent_id=" + agentId, "{}").path("id")
                    .asString();

            JsonNode created = http.postOk("/v1/agents/" + agentId + "/sandboxes",
                    "{\"conversationId\":\"" + conversationId + "\"}");
            assertThat(created.path("sandboxId").asString()).matches("sandbox-[0-9a-f]{8}");
            assertThat(created.path("deviceId").asString()).startsWith("sbx-device-");
            assertThat(created.path("connectionName").asString())
                    .isEqualTo("sandbox-" + created.path("sandboxId").asString());
            assertThat(created.path("conversationId").asString()).isEqualTo(conversationId);
            assertThat(created.path("resumed").asBoolean()).isFalse();
            String sandboxId = created.path("sandboxId").asString();
            String deviceId = created.path("deviceId").asString();
            String connectionId = pollOnline(http, deviceId);

            JsonNode resumed = http.postOk("/v1/agents/" + agentId + "/sandboxes",
                    "{\"conversationId\":\"" + conversationId + "\"}");
            assertThat(resumed.path("sandboxId").asString()).isEqualTo(sandboxId);
            assertThat(resumed.path("resumed").asBoolean()).isTrue();
            assertThat(http.postOk("/v1/sandboxes/" + sandboxId + "/refresh", "{\"ttlMinutes\":5}")
                    .path("ttlMinutes").asInt()).isEqualTo(5);

            ListenerProcess listener = cloud.listenerProcess(deviceId).orElseThrow();
            Map<String, Object> runtime = Map.of("agent_id", agentId, "conversation_id", conversationId);
            try (TestSocket control = sdkSocket(cloud, connectionId, agentId, conversationId, "control");
                    TestSocket stream = sdkSocket(cloud, connectionId, agentId, conversationId, "stream")) {
                control.send(Map.of("type", "runtime_start", "request_id", "rs-1", "agent_id", agentId,
                        "conversation_id", conversationId, "mode", "standard", "recover_approvals", false,
                        "force_device_status", true, "cwd", listener.workDir().toString()));
                JsonNode started = control.awaitType("runtime_start_response", REPLY);
                assertThat(started.path("success").asBoolean()).as(started.toString()).isTrue();
                control.send(Map.of("type", "sync", "request_id", "sync-1", "runtime", runtime));
                assertThat(control.awaitType("sync_response", REPLY).path("seq").asLong()).isPositive();
                stream.awaitType("update_loop_status", REPLY);

                cloud.api().enqueue(TurnScript.builder().reasoning("I should run the shell tool.")
                        .toolCall("Bash", Map.of("command", "echo approved-write > approved.txt && cat approved.txt",
                                "description", "write a file"))
                        .assistantFrom(r -> "tool said: " + r.toolResult().orElseThrow().firstLine()).build());
                control.send(input("in-1", runtime, Map.of("kind", "create_message", "messages", List.of(Map.of(
                        "role", "user", "content", "please use a tool", "client_message_id", "cm-1")))));
                assertThat(control.awaitType("input_accepted", REPLY).path("runtime").path("acting_user_id")
                        .asString()).isEqualTo(FakeLettaCloud.DEFAULT_ACTING_USER_ID);
                JsonNode permission = control.awaitType("control_request", REPLY);
                assertThat(permission.path("request").path("subtype").asString()).isEqualTo("can_use_tool");
                control.send(input("ap-1", runtime, Map.of("kind", "approval_response",
                        "request_id", permission.path("request_id").asString(),
                        "decision", Map.of("behavior", "allow"))));
                assertThat(control.awaitType("turn_finished", REPLY).path("stop_reason").asString())
                        .isEqualTo("end_turn");
                assertThat(Files.readString(listener.workDir().resolve("approved.txt"))).isEqualTo("approved-write\n");
                stream.await("the tool's answer streamed", f -> f.path("delta").toString()
                        .contains("tool said: approved-write"), REPLY);
                RecordedRequest post = cloud.api().awaitRequest(r -> r.method().equals("POST")
                        && r.path().endsWith("/messages") && r.path().contains(conversationId), REPLY);
                assertThat(post.header("x-letta-acting-user-id")).contains(FakeLettaCloud.DEFAULT_ACTING_USER_ID);

                cloud.closeListenerSockets(deviceId, 1011, "please reconnect");
                awaitListenerUpgrades(cloud, connectionId, 2 * 2);
                assertThat(cloud.awaitOnline(deviceId, REPLY).connectionId()).isEqualTo(connectionId);
                List<RecordedRequest> controlUpgrades = cloud.requests().stream().filter(r -> r.path()
                        .equals("/v1/environments/" + connectionId + "/listener/ws")
                        && r.queryParameter("channel").orElse("").equals("control")).toList();
                assertThat(controlUpgrades).extracting(r -> r.queryParameter("connectionAttempt").orElse(""))
                        .containsExactly("1", "2");
                assertThat(controlUpgrades.get(1).queryParameter("connectionGeneration"))
                        .isNotEqualTo(controlUpgrades.get(0).queryParameter("connectionGeneration"));
                cloud.api().enqueue(TurnScript.builder().assistant("after the reconnect").build());
                control.send(input("in-2", runtime, Map.of("kind", "create_message", "messages", List.of(Map.of(
                        "role", "user", "content", "still there?", "client_message_id", "cm-2")))));
                assertThat(control.awaitType("turn_finished", REPLY).path("stop_reason").asString())
                        .isEqualTo("end_turn");

                cloud.closeListenerSockets(deviceId, 1008, "Environment not found");
                Environment reRegistered = cloud.awaitEnvironment(deviceId,
                        e -> e.online() && !e.connectionId().equals(connectionId), REPLY);
                assertThat(reRegistered.registrations()).isEqualTo(2);
                assertThat(control.awaitClose(REPLY)).isEqualTo(1001);
                assertThat(pollOnline(http, deviceId)).isEqualTo(reRegistered.connectionId());
            }
            assertThat(cloud.unackedFrames()).isZero();

            assertThat(http.post("/v1/sandboxes/" + sandboxId + "/terminate", "{}").statusCode()).isEqualTo(200);
            assertThat(listener.awaitExit(Duration.ofSeconds(10))).as("the listener exits on terminate").isPresent();
            assertThat(http.post("/v1/sandboxes/" + sandboxId + "/refresh", "{\"ttlMinutes\":5}").statusCode())
                    .isEqualTo(404);
            assertThat(cloud.sandbox(sandboxId).orElseThrow().state()).isEqualTo(SandboxState.TERMINATED);
        } finally {
            long closing = System.nanoTime();
            cloud.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(ProcessLeakCheck.leftovers(before, Duration.ofSeconds(3))).as("processes after close()").isEmpty();
    }

    @Test
    void namedListenerComesOnlineTakesALegacyMessageAndGoesOfflineWhenKilled() {
        try (FakeLettaCloud cloud = FakeLettaCloud.builder().socketMode(SocketMode.SPLIT).start();
                CloudListener listener = cloud.startListener("named-it")) {
            CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
            JsonNode environments = CloudHttp.ok(http.get("/v1/environments?onlineOnly=true"));
            assertThat(environments.path("connections")).singleElement().satisfies(e -> {
                assertThat(e.path("connectionName").asString()).isEqualTo("named-it");
                assertThat(e.path("deviceId").asString()).isEqualTo(listener.deviceId());
                assertThat(e.path("connectionId").asString()).isEqualTo(listener.connectionId().orElseThrow());
            });
            String agentId = http.postOk("/v1/agents", "{\"name\":\"named\"}").path("id").asString();
            String connectionId = listener.connectionId().orElseThrow();
            cloud.api().enqueue(TurnScript.builder().assistant("legacy pong").build());
            try (TestSocket watcher = TestSocket.open(cloud.sdkSocketUri(connectionId, agentId, "default", null),
                    cloud.apiKey(), true)) {
                JsonNode sent = http.postOk("/v1/environments/" + connectionId + "/messages", TestSocket.JSON
                        .writeValueAsString(Map.of("agentId", agentId, "conversationId", "default", "messages",
                                List.of(Map.of("role", "user", "content", "ping?", "client_message_id", "cm-l")))));
                assertThat(sent.path("success").asBoolean()).isTrue();
                assertThat(watcher.awaitType("turn_finished", REPLY).path("stop_reason").asString())
                        .isEqualTo("end_turn");
            }

            assertThat(cloud.killListener(listener.deviceId())).isNotZero();
            // The wait must read the death it was told about as expected, not as a crash: a condition false on
            // its first polls makes it look at the dead process (CI once failed here when the relay saw the close
            // after the first poll).
            long killed = System.nanoTime();
            cloud.awaitEnvironment(listener.deviceId(),
                    e -> System.nanoTime() - killed > Duration.ofMillis(200).toNanos() && !e.online(), REPLY);
            assertThat(CloudHttp.ok(http.get("/v1/environments/" + listener.deviceId())).path("connectionId")
                    .isNull()).isTrue();
            assertThat(http.post("/v1/environments/" + connectionId + "/messages", "{}").statusCode())
                    .isEqualTo(503);
        }
    }

    @Test
    void coldSandboxExpiresThenANewOneReplacesItAndAgentScopedCallsRefreshAndTerminateIt() throws Exception {
        try (FakeLettaCloud cloud = FakeLettaCloud.start()) {
            CloudHttp http = new CloudHttp(cloud.baseUrl(), cloud.apiKey());
            String agentId = http.postOk("/v1/agents", "{\"name\":\"cold\"}").path("id").asString();
            JsonNode first = http.postOk("/v1/agents/" + agentId + "/sandboxes", "{}");
            assertThat(first.has("conversationId")).isFalse();
            pollOnline(http, first.path("deviceId").asString());
            ListenerProcess firstListener = cloud.listenerProcess(first.path("deviceId").asString()).orElseThrow();

            cloud.expireSandbox(first.path("sandboxId").asString());
            assertThat(firstListener.isAlive()).isFalse();
            assertThat(http.post("/v1/sandboxes/" + first.path("sandboxId").asString() + "/refresh",
                    "{\"ttlMinutes\":5}").statusCode()).isEqualTo(404);
            assertThat(cloud.sandbox(first.path("sandboxId").asString()).orElseThrow().state())
                    .isEqualTo(SandboxState.EXPIRED);

            JsonNode second = http.postOk("/v1/agents/" + agentId + "/sandboxes", "{}");
            assertThat(second.path("resumed").asBoolean()).isFalse();
            assertThat(second.path("sandboxId").asString()).isNotEqualTo(first.path("sandboxId").asString());
            pollOnline(http, second.path("deviceId").asString());
            assertThat(cloud.sandbox(second.path("sandboxId").asString()).orElseThrow().state())
                    .isEqualTo(SandboxState.ONLINE);
            JsonNode refreshed = http.postOk("/v1/agents/" + agentId + "/sandboxes/refresh", "{\"ttlMinutes\":7}");
            assertThat(refreshed.path("sandboxId").asString()).isEqualTo(second.path("sandboxId").asString());
            assertThat(refreshed.path("ttlMinutes").asInt()).isEqualTo(7);

            ListenerProcess secondListener = cloud.listenerProcess(second.path("deviceId").asString()).orElseThrow();
            assertThat(http.delete("/v1/agents/" + agentId + "/sandboxes").statusCode()).isEqualTo(200);
            assertThat(secondListener.awaitExit(Duration.ofSeconds(10))).isPresent();
            assertThat(http.post("/v1/agents/" + agentId + "/sandboxes/refresh", "{}").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aListenerThatCannotRegisterFailsStartListenerWithItsOutput() {
        try (FakeLettaCloud cloud = FakeLettaCloud.start()) {
            cloud.failRegistrations(401, 1, null);
            assertThatThrownBy(() -> cloud.startListener("refused-it"))
                    .isInstanceOf(PeerProcessException.class)
                    .hasMessageContaining("exited before it came online")
                    .hasMessageContaining("fake register failure 401");
        }
    }

    /** Polls {@code GET /v1/environments/{deviceId}} every 200 ms, as the SDK does, until it has a connection id. */
    private static String pollOnline(CloudHttp http, String deviceId) throws InterruptedException {
        long deadline = System.nanoTime() + ONLINE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var response = http.get("/v1/environments/" + deviceId);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && CloudHttp.json(response).path("connectionId").isString()) {
                return CloudHttp.json(response).path("connectionId").asString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("environment " + deviceId + " not online within " + ONLINE + "; last: " + last);
    }

    private static void awaitListenerUpgrades(FakeLettaCloud cloud, String connectionId, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (cloud.requests().stream().filter(r -> r.path().equals("/v1/environments/" + connectionId
                + "/listener/ws")).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the listener did not reconnect to " + connectionId);
            }
            Thread.sleep(20);
        }
    }

    private static TestSocket sdkSocket(FakeLettaCloud cloud, String connectionId, String agentId,
            String conversationId, String channel) {
        URI uri = cloud.sdkSocketUri(connectionId, agentId, conversationId, channel);
        return TestSocket.open(uri, cloud.apiKey(), true);
    }

    private static Map<String, Object> input(String requestId, Map<String, Object> runtime, Map<String, ?> payload) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "input");
        frame.put("request_id", requestId);
        frame.put("runtime", runtime);
        frame.put("payload", payload);
        return frame;
    }
}
