package ai.letta.code.transport.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.event.ErrorEvent;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.secrets.LogCapture;
import ai.letta.code.testkit.secrets.Sentinels;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sentinel in every secret slot of the remote backend (the bearer token, a password in the URL's user info) and a
 * server that echoes the token back in garbage frames, an error delta and a failed turn: no sentinel reaches the logs
 * (all levels), {@code toString()}, exceptions, events or results (issue 12 item 5).
 */
@Timeout(60)
class RemoteSecretsTest {
    private static final String CONVERSATION = "conv-secrets";
    private FakeAppServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerThatEchoesTheTokenLeaksItNowhere() {
        server = new FakeAppServer((command, channel) -> {
            String requestId = command.path("request_id").asString(null);
            if (command.path("type").asString("").equals("input")) {
                FakeAppServer.send(channel, Map.of("type", "input_accepted", "request_id", requestId, "runtime",
                        runtime(), "accepted", true, "disposition", "started"));
                FakeAppServer.send(channel, "not json: Authorization: Bearer " + Sentinels.TOKEN);
                FakeAppServer.send(channel, Map.of("type", "stream_delta", "runtime", runtime(),
                        "delta", Map.of("message_type", 7, "token", Sentinels.TOKEN)));
                FakeAppServer.send(channel, Map.of("type", "stream_delta", "runtime", runtime(), "delta",
                        Map.of("type", "loop_error", "message", "bad token=" + Sentinels.TOKEN, "stop_reason",
                                "error")));
                FakeAppServer.send(channel, Map.of("type", "turn_finished", "runtime", runtime(), "stop_reason",
                        "error", "run_id", "r1"));
                return;
            }
            AppServerReplies.reply(command, channel);
        });
        URI url = URI.create("ws://user:" + Sentinels.URL_PASSWORD + "@127.0.0.1:" + server.wsUri().getPort() + "/ws");
        RemoteOptions options = RemoteOptions.builder().url(url).authToken(Sentinels.TOKEN)
                .requestTimeout(Duration.ofSeconds(5)).build();
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = LogCapture.start()) {
            try (LettaCodeClient client = LettaCode.create(options);
                    Session session = client.resumeSession("agent-fake", CONVERSATION)) {
                session.send("hi");
                for (SessionEvent event : session.stream()) {
                    seen.append(event).append('\n');
                    if (event instanceof ErrorEvent e) {
                        seen.append(e.message()).append(e.detail().orElse("")).append('\n');
                    } else if (event instanceof Result r) {
                        seen.append(r.error().orElse("")).append(r.errorDetail().orElse("")).append('\n');
                    }
                }
                Throwable unanswered = catchThrowable(() -> session.sendCommand(Map.of("type", "echo_nothing"),
                        ai.letta.code.api.command.ResponseMatcher.type("never"), Duration.ofMillis(300)));
                Sentinels.assertAbsent("an unanswered command's exception", unanswered);
            }
            Sentinels.assertAbsent("the events", seen.toString());
            Sentinels.assertAbsent("RemoteOptions.toString()", options.toString());
            Sentinels.assertAbsent("the logs", logs.text());
            assertThat(logs.text()).as("the garbage frame was logged").contains("not JSON");
        }
        assertThat(seen).as("the echoing error reached the user, hidden").contains("bad token=****");
    }

    private static Map<String, Object> runtime() {
        return Map.of("agent_id", "agent-fake", "conversation_id", CONVERSATION);
    }
}
