package ai.letta.code.testkit.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import ai.letta.code.testkit.peer.CliProcess;
import ai.letta.code.testkit.peer.JsonMatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives a real stdio CLI the way the proof tests need: raw NDJSON lines in, every JSON line out kept in a
 * transcript (so a test can assert on order and on lines it did not wait for). Not thread-safe; one per test.
 */
public final class StdioSession {

    /** Waits for CLI start-up: about 6x the measured 1.4-1.6 s median (offline-peers.md §9.3). */
    public static final Duration STARTUP = Duration.ofSeconds(15);
    /** Waits for one turn step; scripted turns take 0.1-0.3 s. */
    public static final Duration STEP = Duration.ofSeconds(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliProcess cli;
    private final List<JsonNode> transcript = new ArrayList<>();
    private int turnStart;

    public StdioSession(CliProcess cli) {
        this.cli = cli;
    }

    /** Waits for {@code system/init}. */
    public JsonNode awaitInit() {
        return await(JsonMatch.type("system", "init"), STARTUP);
    }

    /** Sends a user turn and marks the start of the turn in the transcript. */
    public void sendUser(String text) {
        turnStart = transcript.size();
        ObjectNode line = JSON.createObjectNode().put("type", "user");
        line.putObject("message").put("role", "user").put("content", text);
        cli.send(line);
    }

    /** Answers a {@code can_use_tool} request with allow (echoing the input) or deny. */
    public void answerPermission(JsonNode request, boolean allow, String denyMessage) {
        ObjectNode line = JSON.createObjectNode().put("type", "control_response");
        ObjectNode response = line.putObject("response").put("subtype", "success")
                .put("request_id", request.path("request_id").asString());
        ObjectNode decision = response.putObject("response");
        if (allow) {
            decision.put("behavior", "allow").set("updatedInput", request.path("request").path("input").deepCopy());
        } else {
            decision.put("behavior", "deny").put("message", denyMessage);
        }
        cli.send(line);
    }

    /** Sends an {@code interrupt} control request. */
    public void interrupt() {
        ObjectNode line = JSON.createObjectNode().put("type", "control_request").put("request_id", "int-1");
        line.putObject("request").put("subtype", "interrupt");
        cli.send(line);
    }

    /** Reads until a JSON line matches, keeping every line read in the transcript. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        return cli.awaitJson(JsonMatch.named(match.toString(), node -> {
            transcript.add(node);
            return match.test(node);
        }), timeout);
    }

    /** Waits for a {@code message} line of a {@code message_type}. */
    public JsonNode awaitMessage(String messageType) {
        return await(JsonMatch.message(messageType), STEP);
    }

    /** Waits for the {@code can_use_tool} control request. */
    public JsonNode awaitPermissionRequest() {
        return await(JsonMatch.named("can_use_tool control_request", node -> "control_request".equals(
                node.path("type").asString()) && "can_use_tool".equals(node.path("request").path("subtype")
                .asString())), STEP);
    }

    /** Waits for the turn's {@code result}. */
    public JsonNode awaitResult() {
        return await(JsonMatch.type("result"), STEP);
    }

    /** The lines of the current turn (since the last {@link #sendUser}) with a given {@code message_type}. */
    public List<JsonNode> turnMessages(String messageType) {
        return transcript.subList(turnStart, transcript.size()).stream()
                .filter(n -> "message".equals(n.path("type").asString())
                        && messageType.equals(n.path("message_type").asString()))
                .toList();
    }

    /** The {@code type}/{@code message_type} of every line of the current turn, for order assertions. */
    public List<String> turnShape() {
        return transcript.subList(turnStart, transcript.size()).stream()
                .map(n -> n.path("type").asString() + (n.has("message_type") ? ":" + n.path("message_type")
                        .asString() : n.has("subtype") ? ":" + n.path("subtype").asString() : ""))
                .toList();
    }

    /** Everything read so far. */
    public List<JsonNode> transcript() {
        return List.copyOf(transcript);
    }

    public CliProcess cli() {
        return cli;
    }
}
