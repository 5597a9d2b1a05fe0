package ai.letta.code.testkit.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class RecordedRequestTest {

    private static RecordedRequest request(int sequence, String path, String body) {
        return new RecordedRequest(sequence, Instant.EPOCH, "POST", path, "limit=1&tag=a&tag=b",
                Map.of("limit", List.of("1"), "tag", List.of("a", "b")),
                Map.of("Authorization", List.of("Bearer sk-secret"), "X-Letta-Source", List.of("letta-code")), body);
    }

    @Test
    void headersMatchCaseInsensitivelyButToStringNeverShowsTheAuthorizationValue() {
        RecordedRequest request = request(0, "/v1/agents/", "{}");

        assertThat(request.header("authorization")).hasValue("Bearer sk-secret");
        assertThat(request.header("x-letta-source")).hasValue("letta-code");
        assertThat(request.toString()).doesNotContain("sk-secret").contains("<redacted>").contains("letta-code");
    }

    @Test
    void queryParametersKeepRepeatedValues() {
        RecordedRequest request = request(0, "/v1/agents/", "");

        assertThat(request.queryParameter("limit")).hasValue("1");
        assertThat(request.queryParameters().get("tag")).containsExactly("a", "b");
        assertThat(request.requestLine()).isEqualTo("POST /v1/agents/?limit=1&tag=a&tag=b");
    }

    @Test
    void jsonIsAFreshTreeEveryTime() {
        RecordedRequest request = request(0, "/x", "{\"name\":\"a\"}");

        ((ObjectNode) request.json()).put("name", "changed");

        assertThat(request.json().path("name").asString()).isEqualTo("a");
        assertThat(request(0, "/x", "").json().isMissingNode()).isTrue();
        assertThatThrownBy(() -> request(3, "/x", "not json").json()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("#3");
    }

    @Test
    void journalTakesInOrderAndAwaitSearchesTheWholeHistory() {
        RequestJournal journal = new RequestJournal();
        journal.record(request(0, "/a", ""));
        journal.record(request(1, "/b", ""));

        assertThat(journal.take(Duration.ofMillis(10)).path()).isEqualTo("/a");
        assertThat(journal.await(r -> r.path().equals("/a"), Duration.ofMillis(10)).sequenceNumber()).isZero();
        assertThat(journal.take(Duration.ofMillis(10)).path()).isEqualTo("/b");
        assertThat(journal.poll(Duration.ofMillis(20))).isEmpty();
        assertThat(journal.count()).isEqualTo(2);
    }

    @Test
    void waitsAreBoundedAndWakeUpOnArrival() throws InterruptedException {
        RequestJournal journal = new RequestJournal();
        assertThatThrownBy(() -> journal.take(Duration.ofMillis(50))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no request within");
        assertThatThrownBy(() -> journal.await(r -> true, Duration.ofMillis(50))).isInstanceOf(AssertionError.class);

        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> journal.record(request(0, "/late", "")), 100, TimeUnit.MILLISECONDS);
            assertThat(journal.await(r -> r.path().equals("/late"), Duration.ofSeconds(5)).path()).isEqualTo("/late");
        } finally {
            later.shutdownNow();
            later.awaitTermination(1, TimeUnit.SECONDS);
        }
    }

    @Test
    void sseFramesEncodeEventNamesAndMultiLineData() {
        assertThat(SseFrame.Event.data("{\"a\":1}").encode()).isEqualTo("data: {\"a\":1}\n\n");
        assertThat(new SseFrame.Event("error", "line1\nline2").encode())
                .isEqualTo("event: error\ndata: line1\ndata: line2\n\n");
    }
}
