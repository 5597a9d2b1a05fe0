package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.script.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.letta.code.testkit.script.Gate;
import ai.letta.code.testkit.script.SseText;
import ai.letta.code.testkit.script.TestHttp;
import ai.letta.code.testkit.script.TurnScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted timing and connection faults: slow chunks, gates, stalls, drops, a client that goes away. */
class FakeLettaApiFaultTest {

    private static final String USER_TURN = "{\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";

    private FakeLettaApi api;
    private TestHttp http;
    private String path;

    @BeforeEach
    void start() {
        api = FakeLettaApi.start();
        http = new TestHttp(api.baseUrl().toString());
        String agent = api.createAgent(Map.of("name", "a"));
        path = "/v1/conversations/" + json(http.post("/v1/conversations/?agent_id=" + agent, "{}")).path("id")
                .asString() + "/messages";
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void chunkDelaySpacesEveryFrameAfterTheFirst() {
        api.enqueue(TurnScript.builder().chunkDelay(Duration.ofMillis(100)).reasoning("r").assistant("a", "b")
                .build());

        long start = System.nanoTime();
        String body = http.post(path, USER_TURN).body();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // reasoning, a, b, stop_reason, usage, [DONE]: five gaps.
        assertThat(SseText.events(body)).hasSize(6);
        assertThat(millis).isGreaterThanOrEqualTo(500);
    }

    @Test
    void gateHoldsTheStreamUntilOpened() throws Exception {
        Gate gate = new Gate();
        api.enqueue(TurnScript.builder().reasoning("before").awaitGate(gate).assistant("after").build());

        CompletableFuture<HttpResponse<String>> response = http.postAsync(path, USER_TURN);
        assertThatThrownBy(() -> response.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        gate.open();

        assertThat(response.get(5, TimeUnit.SECONDS).body()).contains("before").contains("after").contains("[DONE]");
    }

    @Test
    void stallHoldsTheStreamUntilTheFakeCloses() {
        api.enqueue(TurnScript.builder().reasoning("then silence").stall().build());

        CompletableFuture<HttpResponse<String>> response = http.postAsync(path, USER_TURN);
        assertThatThrownBy(() -> response.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        api.close();

        // The chunked body never ended, so the client sees a broken stream rather than a clean end.
        assertThatThrownBy(() -> response.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void dropClosesTheConnectionMidStreamAndTheRunFails() {
        api.enqueue(TurnScript.builder().reasoning("partial").dropConnection().build());

        assertThatThrownBy(() -> http.postAsync(path, USER_TURN).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
        assertThat(api.runs()).singleElement()
                .satisfies(run -> assertThat(run.path("status").asString()).isEqualTo("failed"));
    }

    @Test
    void resumeAfterADropGetsTheScriptsNextStepOrNothing() {
        api.enqueue(TurnScript.builder().reasoning("partial").dropConnection().assistant("resumed").build());
        assertThatThrownBy(() -> http.postAsync(path, USER_TURN).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        String runId = api.runs().get(0).path("id").asString();

        String resumed = http.post("/v1/runs/" + runId + "/stream", "{\"starting_after\":0}").body();
        HttpResponse<String> nothingLeft = http.post("/v1/runs/" + runId + "/stream", "{\"starting_after\":0}");

        assertThat(resumed).contains("resumed").contains("[DONE]");
        assertThat(nothingLeft.statusCode()).isEqualTo(404);
    }

    @Test
    void clientThatGoesAwayMidStreamAbandonsTheRestOfItsScript() throws IOException {
        api.enqueue(TurnScript.builder().reasoning("slow").stall().assistant("leftover for the same turn").build());

        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            byte[] body = USER_TURN.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains("slow")) {
                int b = in.read();
                assertThat(b).as("stream ended before the first frame").isNotNegative();
                seen.append((char) b);
            }
        }
        awaitRunStatus("cancelled");

        assertThat(http.post(path, USER_TURN).body()).contains("thinking about ping").doesNotContain("leftover");
    }

    private void awaitRunStatus(String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!status.equals(api.runs().get(0).path("status").asString())) {
            assertThat(System.nanoTime()).as("run status " + status).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
