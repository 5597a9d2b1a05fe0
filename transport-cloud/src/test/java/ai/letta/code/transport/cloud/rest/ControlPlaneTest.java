package ai.letta.code.transport.cloud.rest;

import static ai.letta.code.transport.cloud.http.ScriptedApiServer.Reply.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.Secret;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.exception.AgentNotFoundException;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.ConversationNotFoundException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.ProtocolException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.transport.cloud.http.HttpSettings;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.http.RetryPolicy;
import ai.letta.code.transport.cloud.http.ScriptedApiServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlPlaneTest {

    /** Retries with 1 ms steps, so retried calls cost nothing. */
    static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(4),
            Duration.ofSeconds(10));

    private FakeLettaApi fake;
    private ScriptedApiServer server;
    private LettaHttp http;

    @AfterEach
    void close() {
        if (http != null) {
            http.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static LettaHttp client(URI baseUrl) {
        return new LettaHttp(new HttpSettings(baseUrl, Secret.of("sk-test", "key"), Map.of(), Duration.ofSeconds(2),
                Duration.ofSeconds(5)), FAST);
    }

    private ControlPlane fakeCloud() {
        fake = FakeLettaApi.start();
        http = client(fake.baseUrl());
        return new ControlPlane(http);
    }

    private ControlPlane scripted(ScriptedApiServer.Reply... replies) {
        server = ScriptedApiServer.start().then(replies);
        http = client(server.baseUrl());
        return new ControlPlane(http);
    }

    @Test
    void createAgentPostsTheLettaCodeBodyWithoutATrailingSlash() {
        ControlPlane plane = fakeCloud();

        String id = plane.createAgent(AgentOptions.builder().name("patch").persona("You are Patch.")
                .human("Prefers short answers.").memoryBlock(MemoryBlock.of("project", "Java SDK")
                        .withDescription("what we build")).model(FakeLettaApi.DEFAULT_MODEL)
                .systemPrompt(SystemPrompt.custom("Custom system prompt.")).tag("team:sdk").build());

        JsonNode agent = fake.agent(id).orElseThrow();
        assertThat(agent.path("name").asString()).isEqualTo("patch");
        assertThat(agent.path("system").asString()).isEqualTo("Custom system prompt.");
        assertThat(agent.path("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactly("team:sdk", "origin:letta-code");
        assertThat(agent.path("memory").path("blocks").valueStream()
                .map(b -> b.path("label").asString() + "=" + b.path("value").asString()).toList())
                .containsExactly("persona=You are Patch.", "human=Prefers short answers.", "project=Java SDK");
        JsonNode sent = fake.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow()
                .json();
        assertThat(fake.requests().get(0).path()).isEqualTo("/v1/agents");
        assertThat(sent.path("agent_type").asString()).isEqualTo("letta_v1_agent");
        assertThat(sent.path("model").asString()).isEqualTo(FakeLettaApi.DEFAULT_MODEL);
        assertThat(sent.path("include_base_tools").asBoolean(true)).isFalse();
        assertThat(sent.path("memory_blocks").get(2).path("description").asString()).isEqualTo("what we build");
    }

    @Test
    void aSystemPromptPresetIsUnsupportedAndNamesTheLocalBackend() {
        ControlPlane plane = fakeCloud();

        assertThatThrownBy(() -> plane.createAgent(AgentOptions.builder()
                .systemPrompt(SystemPrompt.preset("letta-claude")).build()))
                .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("local")
                .satisfies(e -> assertThat(((UnsupportedFeatureException) e).supportedBy())
                        .containsExactly(BackendKind.LOCAL));
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void createConversationThenResolveItsAgent() {
        ControlPlane plane = fakeCloud();
        String agentId = plane.createAgent(AgentOptions.builder().build());

        ConversationInfo created = plane.createConversation(agentId);

        assertThat(created.id()).startsWith("conv-");
        assertThat(created.agentId()).isEqualTo(agentId);
        assertThat(plane.conversation(created.id()).agentId()).isEqualTo(agentId);
        var post = fake.requests().stream().filter(r -> r.path().startsWith("/v1/conversations")).findFirst()
                .orElseThrow();
        assertThat(post.path()).isEqualTo("/v1/conversations/");
        assertThat(post.queryParameter("agent_id")).hasValue(agentId);
        assertThat(post.body()).isEqualTo("{}");
    }

    @Test
    void unknownConversationAndAgentAreTheirNotFoundExceptions() {
        ControlPlane plane = fakeCloud();

        assertThatThrownBy(() -> plane.conversation("conv-missing"))
                .isInstanceOf(ConversationNotFoundException.class).hasMessageContaining("conv-missing");
        assertThatThrownBy(() -> plane.createConversation("agent-missing"))
                .isInstanceOf(AgentNotFoundException.class).hasMessageContaining("agent-missing");
    }

    @Test
    void createsAreNeverRetried() {
        ControlPlane plane = scripted(json(503, "{\"errorCode\":\"cloud_api_shutting_down\",\"message\":\"bye\"}"));

        assertThatThrownBy(() -> plane.createAgent(AgentOptions.builder().build()))
                .isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> plane.createConversation("agent-1")).isInstanceOf(TransportException.class);
        assertThatThrownBy(() -> plane.createSandbox("agent-1", null)).isInstanceOf(TransportException.class);

        assertThat(server.count()).isEqualTo(3);
    }

    @Test
    void environmentsFollowHasNextPageWithAfter() {
        ControlPlane plane = scripted(
                json(200, "{\"connections\":[{\"id\":\"env-1\",\"connectionId\":\"conn-1\",\"deviceId\":\"dev-1\","
                        + "\"connectionName\":\"laptop\",\"lastSeenAt\":\"2026-03-01T10:00:00Z\"}],"
                        + "\"hasNextPage\":true}"),
                json(200, "{\"connections\":[{\"id\":\"env-2\",\"connectionId\":null,\"deviceId\":\"dev-2\","
                        + "\"connectionName\":\"desktop\",\"lastSeenAt\":1772362800000}],\"hasNextPage\":false}"));

        List<CloudEnvironment> environments = plane.environments();

        assertThat(environments).extracting(CloudEnvironment::connectionName).containsExactly("laptop", "desktop");
        assertThat(environments).extracting(CloudEnvironment::online).containsExactly(true, false);
        assertThat(environments.get(0).lastSeenAt()).isEqualTo("2026-03-01T10:00:00Z");
        // epoch milliseconds, as the OpenAPI document has the control plane's times
        assertThat(environments.get(1).lastSeenAt()).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(server.received()).extracting(ScriptedApiServer.Received::uri)
                .containsExactly("/v1/environments?limit=100", "/v1/environments?limit=100&after=env-1");
    }

    @Test
    void environmentByDeviceIdAndItsAbsence() {
        ControlPlane plane = scripted(
                json(200, "{\"id\":\"env-1\",\"connectionId\":\"conn-9\",\"deviceId\":\"sbx-device-1\","
                        + "\"connectionName\":\"sandbox-1\"}"),
                json(404, "{\"errorCode\":\"environment_not_found\",\"message\":\"Environment not found\"}"));

        assertThat(plane.environment("sbx-device-1").connection()).hasValue("conn-9");
        assertThatThrownBy(() -> plane.environment("sbx-device-2")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Environment not found");
        assertThat(server.received().get(0).uri()).isEqualTo("/v1/environments/sbx-device-1");
    }

    @Test
    void createSandboxSendsTheConversationAndReadsTheSandbox() {
        ControlPlane plane = scripted(json(200, "{\"sandboxId\":\"sandbox-1\",\"deviceId\":\"sbx-device-1\","
                + "\"connectionName\":\"sandbox-sandbox-1\",\"conversationId\":\"conv-1\",\"resumed\":true}"));

        CloudSandbox sandbox = plane.createSandbox("agent-1", "conv-1");

        assertThat(sandbox).isEqualTo(new CloudSandbox("sandbox-1", "sbx-device-1", "sandbox-sandbox-1", "conv-1",
                true));
        ScriptedApiServer.Received request = server.received().get(0);
        assertThat(request.method() + " " + request.uri()).isEqualTo("POST /v1/agents/agent-1/sandboxes");
        assertThat(request.body()).isEqualTo("{\"conversationId\":\"conv-1\"}");
    }

    @Test
    void createSandboxForTheDefaultConversationSendsNoConversation() {
        ControlPlane plane = scripted(json(200, "{\"sandboxId\":\"sandbox-2\",\"deviceId\":\"d\","
                + "\"connectionName\":\"c\"}"));

        CloudSandbox sandbox = plane.createSandbox("agent-1", "default");

        assertThat(sandbox.conversation()).isEmpty();
        assertThat(sandbox.resumed()).isFalse();
        assertThat(server.received().get(0).body()).isEqualTo("{}");
    }

    @Test
    void aSandboxOfAnotherConversationIsAProtocolError() {
        ControlPlane plane = scripted(json(200, "{\"sandboxId\":\"sandbox-1\",\"deviceId\":\"d\","
                + "\"connectionName\":\"c\",\"conversationId\":\"conv-other\"}"));

        assertThatThrownBy(() -> plane.createSandbox("agent-1", "conv-1")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("conv-other").hasMessageContaining("conv-1");
    }

    @Test
    void refreshIsRetriedAndReadsTheGrantedTtl() {
        ControlPlane plane = scripted(json(502, "{}"),
                json(200, "{\"success\":true,\"sandboxId\":\"sandbox-1\",\"ttlMinutes\":7}"));

        SandboxRefresh lease = plane.refreshSandbox("sandbox-1", 7);

        assertThat(lease).isEqualTo(new SandboxRefresh("sandbox-1", Duration.ofMinutes(7)));
        assertThat(server.count()).isEqualTo(2);
        assertThat(server.received().get(1).uri()).isEqualTo("/v1/sandboxes/sandbox-1/refresh");
        assertThat(server.received().get(1).body()).isEqualTo("{\"ttlMinutes\":7}");
    }

    @Test
    void refreshOfAReapedSandboxIsNotFound() {
        ControlPlane plane = scripted(json(404, "{\"errorCode\":\"sandbox_not_found\",\"message\":\"gone\"}"));

        assertThatThrownBy(() -> plane.refreshSandbox("sandbox-1", 5)).isInstanceOf(NotFoundException.class);
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void agentScopedRefreshAndTtlBounds() {
        ControlPlane plane = scripted(json(200, "{\"success\":true,\"sandboxId\":\"sandbox-9\",\"ttlMinutes\":5}"));

        assertThat(plane.refreshAgentSandbox("agent-1", 5).sandboxId()).isEqualTo("sandbox-9");
        assertThat(server.received().get(0).uri()).isEqualTo("/v1/agents/agent-1/sandboxes/refresh");
        assertThatThrownBy(() -> plane.refreshSandbox("sandbox-1", 0)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> plane.refreshSandbox("sandbox-1", 61)).isInstanceOf(ConfigurationException.class);
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void terminateTreatsAGoneSandboxAsTerminated() {
        ControlPlane plane = scripted(json(200, "{}"), json(404, "{\"detail\":\"Sandbox not found\"}"));

        plane.terminateSandbox("sandbox-1");
        plane.terminateSandbox("sandbox-1");

        assertThat(server.received()).extracting(r -> r.method() + " " + r.uri() + " " + r.body())
                .containsExactly("POST /v1/sandboxes/sandbox-1/terminate {}",
                        "POST /v1/sandboxes/sandbox-1/terminate {}");
    }
}
