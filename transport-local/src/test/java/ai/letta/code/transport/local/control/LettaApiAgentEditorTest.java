package ai.letta.code.transport.local.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Finishing an API-mode agent over the Letta REST API (Netty client), against {@link FakeLettaApi} and dead ends. */
@Timeout(30)
class LettaApiAgentEditorTest {

    private static final String KEY = "sk-editor-secret";

    private static LettaApiAgentEditor editor(URI base, Duration timeout) {
        return new LettaApiAgentEditor((CliBackend.LettaApi) CliBackend.lettaApi(base, KEY), timeout);
    }

    @Test
    void renamesTheAgentUpdatesItsBlockAndAttachesANewOne() {
        try (FakeLettaApi api = FakeLettaApi.start();
                LettaApiAgentEditor editor = editor(api.baseUrl(), Duration.ofSeconds(5))) {
            String agentId = api.createAgent(Map.of("name", "cli-made",
                    "memory_blocks", List.of(Map.of("label", "persona", "value", "old"))));

            editor.rename(agentId, "Patch", "the careful one");
            editor.writeBlocks(agentId, List.of(new MemoryBlock("persona", "I am Patch.", null, 0, false, null),
                    new MemoryBlock("project", "letta-code-java", "what we build", 0, false, null)));

            JsonNode agent = api.agent(agentId).orElseThrow();
            assertThat(agent.path("name").asString()).isEqualTo("Patch");
            assertThat(agent.path("description").asString()).isEqualTo("the careful one");
            assertThat(agent.path("memory").path("blocks").valueStream()
                    .map(b -> b.path("label").asString() + "=" + b.path("value").asString()))
                    .containsExactlyInAnyOrder("persona=I am Patch.", "project=letta-code-java");
            RecordedRequest patch = api.awaitRequest(r -> r.method().equals("PATCH"), Duration.ofSeconds(1));
            assertThat(patch.header("Authorization")).hasValue("Bearer " + KEY);
            assertThat(patch.header("X-Letta-Source")).hasValue("letta-code-java");
        }
    }

    /**
     * A label is one path segment (issue 12 item 7): before the fix {@code notes?v=2} sent
     * {@code PATCH .../blocks/notes} with the query {@code v=2}, and a space made the request fail.
     */
    @Test
    void aLabelIsSentAsOneEncodedPathSegmentNeverAsAQueryOrFurtherSegments() {
        try (FakeLettaApi api = FakeLettaApi.start();
                LettaApiAgentEditor editor = editor(api.baseUrl(), Duration.ofSeconds(5))) {
            String agentId = api.createAgent(Map.of("name", "cli-made",
                    "memory_blocks", List.of(Map.of("label", "notes?v=2#1", "value", "old"))));

            editor.writeBlocks(agentId, List.of(MemoryBlock.of("notes?v=2#1", "new"),
                    MemoryBlock.of("release notes", "r"), MemoryBlock.of("skills/java", "j")));

            List<RecordedRequest> patches = api.requests().stream().filter(r -> r.method().equals("PATCH")
                    && r.path().contains("/core-memory/blocks/") && !r.path().contains("/attach/")).toList();
            assertThat(patches).extracting(RecordedRequest::path).containsExactly(
                    "/v1/agents/" + agentId + "/core-memory/blocks/notes?v=2#1",
                    "/v1/agents/" + agentId + "/core-memory/blocks/release notes",
                    "/v1/agents/" + agentId + "/core-memory/blocks/skills/java");
            assertThat(patches).extracting(RecordedRequest::query).containsOnly("");
            assertThat(api.agent(agentId).orElseThrow().path("memory").path("blocks").valueStream()
                    .map(b -> b.path("label").asString() + "=" + b.path("value").asString()))
                    .containsExactlyInAnyOrder("notes?v=2#1=new", "release notes=r", "skills/java=j");
        }
        assertThat(LettaApiAgentEditor.segment("skills/java")).isEqualTo("skills%2Fjava");
        assertThat(LettaApiAgentEditor.segment("a b?c#d")).isEqualTo("a%20b%3Fc%23d");
    }

    /** Issue 12 item 8: statuses map to the SDK's typed exceptions, and the server's echo of the key is hidden. */
    @ParameterizedTest
    @CsvSource({"404, NotFoundException", "409, ConflictException", "429, RateLimitException",
            "500, TransportException", "503, TransportException"})
    void anErrorStatusIsTypedAndTheEchoedKeyIsHidden(int status, String type) {
        try (FakeLettaApi api = FakeLettaApi.builder().front(exchange -> {
                    if (!exchange.request().method().equals("PATCH")) {
                        return false;
                    }
                    exchange.respond(status, "text/plain", "no, Authorization: Bearer " + KEY + " api_key=" + KEY);
                    return true;
                }).start();
                LettaApiAgentEditor editor = editor(api.baseUrl(), Duration.ofSeconds(5))) {
            String agentId = api.createAgent(Map.of("name", "cli-made"));

            assertThatThrownBy(() -> editor.rename(agentId, "Patch", null))
                    .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("PATCH v1/agents/" + agentId)
                    .hasMessageNotContaining(KEY.substring(3));
        }
    }

    @Test
    void anUnreachableServerIsATransportErrorNamingTheUrlNotTheKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + closedPort);
        try (LettaApiAgentEditor editor = editor(base, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> editor.rename("agent-1", "x", null)).isInstanceOf(TransportException.class)
                    .hasMessageContaining(base.toString()).hasMessageNotContaining(KEY);
        }
    }

    @Test
    void aRateLimitIsARateLimitExceptionWithTheWaitTheServerAskedFor() throws IOException {
        try (ServerSocket limited = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LettaApiAgentEditor editor = editor(URI.create("http://127.0.0.1:" + limited.getLocalPort()),
                        Duration.ofSeconds(5))) {
            Thread answerer = new Thread(() -> {
                try (Socket client = limited.accept()) {
                    client.getOutputStream().write(("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                } catch (IOException e) {
                    // the test is over
                }
            });
            answerer.setDaemon(true);
            answerer.start();

            assertThatThrownBy(() -> editor.rename("agent-1", "x", null))
                    .isInstanceOfSatisfying(RateLimitException.class,
                            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7)))
                    .hasMessageContaining("PATCH v1/agents/agent-1").hasMessageNotContaining(KEY);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutNamingTheRequest() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LettaApiAgentEditor editor = editor(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                        Duration.ofMillis(500))) {
            Thread accepter = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    Thread.sleep(3_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            accepter.setDaemon(true);
            accepter.start();

            assertThatThrownBy(() -> editor.rename("agent-1", "x", null))
                    .isInstanceOf(OperationTimeoutException.class).hasMessageContaining("PATCH v1/agents/agent-1")
                    .hasMessageNotContaining(KEY);
            accepter.interrupt();
        }
    }
}
