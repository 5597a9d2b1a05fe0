package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.PartialEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.UnknownEvent;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.RateLimitException;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.ToolPermissionRequest;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.sink.RecordingSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Faults the real app server cannot be made to produce, played by {@link FakeAppServer}. */
@Timeout(60)
class RemoteFaultsTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    FakeAppServer server;
    WebSocketTransport transport;

    @AfterEach
    void stop() {
        AppServerReplies.HELD_APPROVAL.set(null);
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebSocketTransport connect(RemoteOptions.Builder options) {
        transport = new WebSocketTransport(options.url(server.wsUri()).requestTimeout(Duration.ofSeconds(2)).build());
        return transport;
    }

    private SessionChannel open(RecordingSink sink) {
        // Partial messages on: a test can see a turn has begun streaming before its message is complete.
        return transport.sessions().open(SessionTarget.newConversation("agent-fake"),
                SessionOptions.builder().includePartialMessages(true).build(), sink);
    }

    /** Issue 12 item 8: a refused upgrade other than 401/403 fell back to a generic exception. */
    @Test
    void aRefusedUpgradeIsTypedByItsStatus() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        server.refuseUpgrades(404);
        assertThatThrownBy(() -> open(new RecordingSink())).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining("/ws");
        transport.close();

        connect(RemoteOptions.builder());
        server.refuseUpgrades(429);
        assertThatThrownBy(() -> open(new RecordingSink())).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7))).hasMessageContaining("HTTP 429");
        transport.close();

        connect(RemoteOptions.builder());
        server.refuseUpgrades(503);
        assertThatThrownBy(() -> open(new RecordingSink())).isInstanceOf(TransportException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void upgradeCarriesTheBearerTokenAndNoOriginAndPingsAreAnswered() throws Exception {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder().authToken("tok-123"));
        try (SessionChannel session = open(new RecordingSink())) {
            assertThat(session.conversationId()).startsWith("conv-");
            assertThat(server.upgrades).hasSize(1);
            assertThat(server.upgrades.get(0).get("Authorization")).isEqualTo("Bearer tok-123");
            assertThat(server.upgrades.get(0).contains("Origin")).isFalse();
            server.ping("are-you-there");
            assertThat(server.pongs.poll(5, TimeUnit.SECONDS)).isEqualTo("are-you-there");
        }
    }

    @Test
    void garbageFramesAndUnknownTypesNeverFailATurn() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink)) {
            session.send("cm-odd", UserMessage.text("odd"));
            Result result = sink.awaitResult(WAIT);
            assertThat(result.success()).isTrue();
            assertThat(result.result().orElseThrow()).contains("answer to odd");
            assertThat(sink.events()).filteredOn(UnknownEvent.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(e.type()).isEqualTo("holo_message"));
            // The non-JSON frame names no runtime: the session whose turn ran hears of it, and the turn went on.
            assertThat(sink.events()).filteredOn(ErrorEvent.class::isInstance).map(ErrorEvent.class::cast)
                    .singleElement().satisfies(e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
                        assertThat(e.message()).contains("not JSON");
                    });
            session.send("cm-after", UserMessage.text("after"));
            assertThat(sink.awaitResult(WAIT).result().orElseThrow()).contains("answer to after");
        }
    }

    @Test
    void anUnansweredCommandTimesOutNamingIt() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        try (SessionChannel session = open(new RecordingSink())) {
            assertThatThrownBy(() -> session.request(new LinkedHashMap<>(Map.of("type", "totally_unknown_command")),
                    ResponseMatcher.type("totally_unknown_command_response"), Duration.ofMillis(500)))
                    .isInstanceOf(OperationTimeoutException.class)
                    .hasMessageContaining("totally_unknown_command");
        }
    }

    @Test
    void theSessionDeclaresTheProtocolsCommandsForSendCommand() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        try (SessionChannel session = open(new RecordingSink())) {
            assertThat(session.acceptedCommands()).hasValueSatisfying(accepted -> {
                assertThat(accepted.backend()).isEqualTo(BackendKind.REMOTE);
                assertThat(accepted.types()).contains("sync", "change_device_state", "input", "runtime_start",
                        "update_model", "set_reflection_settings", "abort_message", "resume_queue", "app_server_info")
                        .doesNotContain("bootstrap_session_state", "control_request", "totally_unknown_command");
            });
        }
    }

    @Test
    void aBlockingRawMatcherNeverStallsTheSocket() throws Exception {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        RecordingSink sink = new RecordingSink();
        CountDownLatch release = new CountDownLatch(1);
        List<String> matcherThreads = new CopyOnWriteArrayList<>();
        try (SessionChannel session = open(sink)) {
            CompletableFuture<CommandResponse> raw = CompletableFuture.supplyAsync(() -> session.request(
                    // With its request_id, as the engine sends every raw command (SessionChannel#request).
                    new LinkedHashMap<>(Map.of("type", "echo", "request_id", "raw-1")), (requestId, candidate) -> {
                        matcherThreads.add(Thread.currentThread().getName());
                        try {
                            release.await(); // a badly written matcher: blocks on its first candidate
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return candidate.type().equals("echo_response");
                    }, WAIT));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (matcherThreads.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            session.send("cm-while-blocked", UserMessage.text("while the matcher blocks"));

            assertThat(sink.awaitResult(WAIT).result().orElseThrow()).contains("answer to while the matcher blocks");
            release.countDown();
            assertThat(raw.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).type()).isEqualTo("echo_response");
            assertThat(matcherThreads).allSatisfy(name -> assertThat(name).startsWith("letta-remote-matcher"));
        }
    }

    @Test
    void anOversizedFrameFailsTheTurnAndTheSessionRecovers() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder().maxFrameBytes(64 * 1024));
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink)) {
            session.send("cm-big", UserMessage.text("big"));
            List<Object> calls = sink.until(Result.class, WAIT);
            Result failed = (Result) calls.get(calls.size() - 1);
            assertThat(failed.errorCode()).contains(ErrorCode.STREAM_CLOSED);
            assertThat(failed.error().orElseThrow()).contains("maxFrameBytes");
            session.send("cm-small", UserMessage.text("small"));
            assertThat(sink.awaitResult(WAIT).success()).isTrue();
        }
    }

    @Test
    void aDroppedSocketFailsTheRunningTurnAtOnceAndTheNextSendWorks() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink)) {
            session.send("cm-hang", UserMessage.text("hang"));
            sink.until(PartialEvent.class, WAIT);
            long dropped = System.nanoTime();
            server.dropClients();
            List<Object> calls = sink.until(Result.class, WAIT);
            assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(Duration.ofSeconds(2));
            assertThat(calls).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(ErrorEvent.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STREAM_CLOSED)));
            Result failed = (Result) calls.get(calls.size() - 1);
            assertThat(failed.status()).isEqualTo(Result.Status.ERROR);
            assertThat(failed.errorCode()).contains(ErrorCode.STREAM_CLOSED);
            session.send("cm-next", UserMessage.text("next"));
            assertThat(sink.awaitResult(WAIT).result().orElseThrow()).contains("answer to next");
            assertThat(server.upgrades).hasSize(2);
            assertThat(server.received.stream().filter(c -> c.path("type").asString("").equals("runtime_start"))
                    .filter(c -> c.has("conversation_id"))).hasSize(1);
        }
        assertThat(sink.violations()).isEmpty();
    }

    @Test
    void aDecisionMadeWhileReconnectingReturnsAtOnceAndReachesTheReplayedApprovalAskedOnce() throws Exception {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder().reconnectBound(Duration.ofSeconds(20)));
        RecordingSink sink = new RecordingSink();
        try (SessionChannel session = open(sink)) {
            session.send("cm-ask", UserMessage.text("ask"));
            ToolPermissionRequest request = sink.awaitPermission(WAIT);
            server.goAway();
            assertThat(sink.awaitResult(WAIT).errorCode()).contains(ErrorCode.STREAM_CLOSED);

            long answering = System.nanoTime();
            session.answer(request, PermissionDecision.allow());
            assertThat(Duration.ofNanos(System.nanoTime() - answering)).isLessThan(Duration.ofSeconds(1));
            server.comeBack();

            JsonNode answer = awaitReceived(c -> c.path("payload").path("kind").asString("")
                    .equals("approval_response"));
            assertThat(answer.path("payload").path("request_id").asString()).isEqualTo("perm-call-1");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (AppServerReplies.HELD_APPROVAL.get() != null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            session.send("cm-after", UserMessage.text("after"));
            assertThat(sink.awaitResult(WAIT).result().orElseThrow()).contains("answer to after");
            assertThat(sink.calls()).filteredOn(ToolPermissionRequest.class::isInstance)
                    .hasSize(1); // replayed by the server, asked once
            assertThat(sink.events()).filteredOn(Result.class::isInstance).hasSize(2); // none for the recovered turn
        }
        assertThat(sink.violations()).isEmpty();
    }

    private JsonNode awaitReceived(Predicate<JsonNode> match) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode command = server.received.poll(100, TimeUnit.MILLISECONDS);
            if (command != null && match.test(command)) {
                return command;
            }
        }
        throw new AssertionError("the fake server received no matching command");
    }

    @Test
    void aServerThatStaysAwayClosesTheSessionAfterTheBound() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder().reconnectBound(Duration.ofSeconds(1)));
        RecordingSink sink = new RecordingSink();
        SessionChannel session = open(sink);
        session.send("cm-hang", UserMessage.text("hang"));
        sink.until(PartialEvent.class, WAIT);
        server.goAway();
        assertThat(sink.awaitResult(WAIT).errorCode()).contains(ErrorCode.STREAM_CLOSED);
        RecordingSink.Closed closed = sink.awaitClosed(WAIT);
        assertThat(closed.cause()).isInstanceOf(TransportLostException.class)
                .hasMessageContaining("reconnectBound");
        assertThatThrownBy(() -> session.send("cm-late", UserMessage.text("late")))
                .isInstanceOf(SessionClosedException.class);
        session.close();
        assertThat(sink.violations()).isEmpty();
    }

    @Test
    void twoSessionsOnOneConversationEachGetOnlyTheirOwnTurns() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        SessionTarget same = SessionTarget.existing("agent-fake", "conv-shared");
        SessionOptions options = SessionOptions.builder().build();
        try (SessionChannel a = transport.sessions().open(same, options, first);
                SessionChannel b = transport.sessions().open(same, options, second)) {
            a.send("cm-a", UserMessage.text("for a"));
            assertThat(first.awaitResult(WAIT).result().orElseThrow()).contains("for a");
            b.send("cm-b", UserMessage.text("for b"));
            assertThat(second.awaitResult(WAIT).result().orElseThrow()).contains("for b");
            a.send("cm-a2", UserMessage.text("again for a"));
            assertThat(first.awaitResult(WAIT).result().orElseThrow()).contains("again for a");

            assertThat(first.events()).filteredOn(Result.class::isInstance).hasSize(2);
            assertThat(second.events()).filteredOn(Result.class::isInstance).singleElement()
                    .satisfies(r -> assertThat(((Result) r).result().orElseThrow()).contains("for b"));
            assertThat(server.received.stream().filter(c -> c.path("type").asString("").equals("abort_message")))
                    .as("nobody took the other's turn for an orphan").isEmpty();
        }
        assertThat(first.violations()).isEmpty();
        assertThat(second.violations()).isEmpty();
    }

    @Test
    void twoSessionsShareOneSocketAndGetTheirOwnResults() {
        server = new FakeAppServer(AppServerReplies::reply);
        connect(RemoteOptions.builder());
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        try (SessionChannel a = open(first); SessionChannel b = open(second)) {
            assertThat(a.conversationId()).isNotEqualTo(b.conversationId());
            a.send("cm-a", UserMessage.text("for a"));
            b.send("cm-b", UserMessage.text("for b"));
            assertThat(first.awaitResult(WAIT).result().orElseThrow()).contains("for a");
            assertThat(second.awaitResult(WAIT).result().orElseThrow()).contains("for b");
            assertThat(server.upgrades).hasSize(1);
        }
    }
}
