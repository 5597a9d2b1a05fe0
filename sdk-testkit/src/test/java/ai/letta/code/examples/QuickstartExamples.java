package ai.letta.code.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.PromptResult;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.testkit.contract.ContractFeature;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.contract.ContractSetup;
import ai.letta.code.testkit.contract.ContractSupport;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every quickstart example ({@code ai.letta.code.examples}) on one backend's peer: a transport module's IT
 * extends it and gives {@link #createPeer()}, as for {@code TransportContract}. Each test scripts what the model
 * answers, calls the example's {@code run} with the peer's client and checks what it returned. An example a backend
 * lacks the feature for is skipped, naming it, or checked to fail with the typed error the API promises.
 */
public abstract class QuickstartExamples extends ContractSupport {

    /** For the transport's IT, which subclasses it with its peer. */
    protected QuickstartExamples() {}

    /** @return a fresh peer for one test; the suite closes it after the test */
    public abstract ContractPeer createPeer();

    @Override
    protected final ContractSetup setup() {
        return this::createPeer;
    }

    private Path cwd() {
        return peer.workDir();
    }

    private String plainAgent() {
        return client.createAgent(AgentOptions.builder().build());
    }

    @Test
    void quickstart() {
        peer.enqueue(TurnScript.builder().reasoning("Short and concrete.").assistant("Hello! ", "I am Patch.").build());

        List<String> printed = within("Quickstart", () -> Quickstart.run(client, cwd(), "Hi, who are you?"));

        assertThat(printed).containsExactly("Hello! I am Patch.", "done");
    }

    @Test
    void newConversationResumeItAndResumeTheMainConversation() {
        String agentId = client.createAgent(AgentOptions.builder().persona("You remember.").build());
        peer.enqueue(TurnScript.text("noted"));
        peer.enqueue(TurnScript.text("still here"));
        peer.enqueue(TurnScript.text("main"));

        ConversationTurn started = within("NewConversation",
                () -> NewConversation.run(client, agentId, cwd(), "Remember: the build is ./mvnw verify"));
        ConversationTurn resumed = within("ResumeConversation",
                () -> ResumeConversation.run(client, started.conversationId(), cwd(), "What is the build command?"));
        ConversationTurn main = within("ResumeMainConversation",
                () -> ResumeMainConversation.run(client, agentId, cwd(), "hello"));

        assertThat(started.agentId()).isEqualTo(agentId);
        assertThat(started.conversationId()).isNotEqualTo(agentId);
        assertThat(started.answer()).isEqualTo("noted");
        assertThat(resumed).isEqualTo(new ConversationTurn(agentId, started.conversationId(), "still here"));
        assertThat(main.agentId()).isEqualTo(agentId);
        // Its own id where the backend gives the default conversation one, else the agent id; never the alias.
        assertThat(main.conversationId()).isNotBlank().isNotEqualTo("default")
                .isNotEqualTo(started.conversationId());
        assertThat(main.answer()).isEqualTo("main");
    }

    @Test
    void oneShotPrompt() {
        String agentId = client.createAgent(AgentOptions.builder().persona("Terse.").build());
        peer.enqueue(TurnScript.text("4"));

        PromptResult result = within("OneShotPrompt", () -> OneShotPrompt.run(client, agentId, "What is 2 + 2?"));

        assertThat(result.success()).as("%s", result.turn()).isTrue();
        assertThat(result.result()).isEqualTo("4");
    }

    @Test
    void streamingEveryEventType() {
        assumeFeature(ContractFeature.RUNS_TOOLS);
        peer.enqueue(TurnScript.builder().reasoning("I will look.")
                .toolCall("Bash", Map.of("command", "echo hi", "description", "say hi"))
                .assistant("It said hi.").build());

        List<String> lines = within("StreamingEvents",
                () -> StreamingEvents.run(client, plainAgent(), cwd(), "Run echo hi"));

        assertThat(lines).containsSubsequence("reasoning: I will look.", "tool result: hi", "assistant: It said hi.",
                "result: SUCCESS It said hi.");
        assertThat(lines).anyMatch(line -> line.startsWith("tool call: Bash {") && line.contains("command=echo hi"));
        assertThat(lines).as("partial chunks").anyMatch(line -> line.startsWith("partial assistant: "));
        assertThat(lines.get(lines.size() - 1)).startsWith("result: ");
    }

    @Test
    void breakOutOfAStreamThenSendAgain() {
        peer.enqueue(TurnScript.text("first"));
        peer.enqueue(TurnScript.text("second"));

        Result last = within("BreakOutOfAStream",
                () -> BreakOutOfAStream.run(client, plainAgent(), cwd(), "one", "two")).orElseThrow();

        assertThat(last.success()).as("%s", last).isTrue();
        assertThat(last.result()).hasValue("second");
    }

    @Test
    void sendWhileAMessageStreams() {
        peer.enqueue(TurnScript.builder().reasoning("counting").pause(Duration.ofMillis(500)).assistant("one").build());
        peer.enqueue(TurnScript.text("two"));

        List<String> answers = within("SendWhileStreaming",
                () -> SendWhileStreaming.run(client, plainAgent(), cwd(), "first", "second"));

        assertThat(answers).containsExactly("one", "two");
    }

    @Test
    void canUseToolAllowsEditsAndDenies() {
        assumeFeature(ContractFeature.RUNS_TOOLS);
        peer.enqueue(bash("touch notes.txt", "allowed"));
        peer.enqueue(bash("touch todo.txt", "edited"));
        peer.enqueue(bash("rm notes.txt", "denied"));

        List<String> results = within("ToolPermissions", () -> ToolPermissions.run(client, plainAgent(), cwd(),
                List.of("make notes", "make a todo list", "delete the notes")));

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).doesNotStartWith("error: ");
        assertThat(results.get(1)).isEqualTo("dry run: touch todo.txt");
        assertThat(results.get(2)).startsWith("error: ").contains(ToolPermissions.DENIAL);
        assertThat(cwd().resolve(ToolPermissions.ALLOWED_FILE)).as("allowed, and not deleted").exists();
        assertThat(cwd().resolve("todo.txt")).as("only echoed").doesNotExist();
    }

    private static TurnScript bash(String command, String answer) {
        return TurnScript.builder().toolCall("Bash", Map.of("command", command, "description", "example"))
                .assistant(answer).build();
    }

    @Test
    void abortEndsTheTurnAndTheSessionGoesOn() {
        assumeFeature(ContractFeature.SLOW_TURNS);
        peer.enqueue(TurnScript.builder().reasoning("thinking").stall().build());
        peer.enqueue(TurnScript.text("after"));

        List<String> printed = within("AbortTurn",
                () -> AbortTurn.run(client, plainAgent(), cwd(), "take your time", "are you there?"));

        assertThat(printed).containsExactly("abort: INTERRUPTED", "aborted turn: INTERRUPTED", "next answer: after");
    }

    @Test
    void listAndSwitchModels() {
        assumeFeature(ContractFeature.MODELS);
        String handle = peer.alternateModel();

        List<String> printed = within("SwitchModels", () -> SwitchModels.run(client, plainAgent(), cwd(), handle));

        assertThat(printed).contains("model: " + handle);
        String current = printed.get(printed.size() - 1);
        assertThat(current).startsWith("current: ");
        assertThat(sameModel(current.substring("current: ".length()), handle)).as(current).isTrue();
    }

    @Test
    void rawCommands() {
        assumeFeature(ContractFeature.RAW_COMMANDS);
        ContractPeer.RawCommandProbe probe = peer.rawCommandProbe();

        String type = within("RawCommands",
                () -> RawCommands.run(client, plainAgent(), cwd(), probe.command(), probe.responseType()).type());

        assertThat(type).isEqualTo(probe.responseType());
    }

    @Test
    void agentOptionsNameMemoryBlockModelAndCustomSystemPrompt() {
        String agentId = within("CustomAgent", () -> CustomAgent.create(client, peer.alternateModel()));
        peer.enqueue(TurnScript.text("reviewing"));

        PromptResult answer = within("a prompt to the custom agent", () -> client.prompt("Review this.", agentId));

        assertThat(answer.success()).as("%s", answer.turn()).isTrue();
        if (has(ContractFeature.OBSERVES_MODEL_REQUESTS)) {
            assertThat(lastModelRequest()).hasValueSatisfying(request -> {
                assertThat(sameModel(request.model(), peer.alternateModel())).as(request.model()).isTrue();
                assertThat(request.systemPrompt()).contains("You review Java code",
                        "letta-code-java, a Java SDK for Letta Code agents");
            });
        }
        if (has(ContractFeature.RESOURCES)) {
            assertThat(client.agents().get(agentId).name()).hasValue("reviewer");
        }
    }

    @Test
    void presetSystemPrompt() {
        if (!has(ContractFeature.SYSTEM_PROMPT_PRESETS)) {
            assertThatThrownBy(() -> PresetSystemPrompt.create(client))
                    .isInstanceOf(UnsupportedFeatureException.class).hasMessageContaining("local");
            return;
        }
        String agentId = within("PresetSystemPrompt", () -> PresetSystemPrompt.create(client));
        peer.enqueue(TurnScript.text("preset ok"));

        assertThat(within("a prompt to the preset agent", () -> client.prompt("Who are you?", agentId)).result())
                .isEqualTo("preset ok");
    }

    @Test
    void sessionOptionsWithDreaming() {
        peer.enqueue(TurnScript.text("I will reflect later."));

        Result result = within("DreamingSession",
                () -> DreamingSession.run(client, plainAgent(), cwd(), "Remember that I prefer tabs."));

        assertThat(result.success()).as("%s", result).isTrue();
        assertThat(result.result()).hasValue("I will reflect later.");
    }

    @Test
    void cleanupClosesSessionsAndTheClient() {
        String agentId = plainAgent();

        List<SessionState> states = within("Cleanup", () -> Cleanup.run(client, agentId, cwd()));

        assertThat(states).containsExactly(SessionState.CLOSED, SessionState.CLOSED);
    }
}
