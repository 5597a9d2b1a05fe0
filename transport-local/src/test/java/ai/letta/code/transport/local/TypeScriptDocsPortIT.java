package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.AbortOutcome;
import ai.letta.code.api.Dreaming;
import ai.letta.code.api.EventStream;
import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.PromptResult;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.SessionState;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.SystemPrompt;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.event.ToolResult;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each snippet of the TypeScript Letta Code SDK's quickstart, ported to Java as a user would write it from the README
 * and the public API alone, run against the real pinned CLI (on its local backend, with a scripted model). The test
 * bodies are the ports; the scripted turns ({@code model.enqueue}) stand in for what an LLM would answer.
 */
@ExtendWith(NoLeftoverProcesses.class)
class TypeScriptDocsPortIT {
    private LocalBackendContractPeer model;
    private LettaCodeClient client;

    @BeforeEach
    void start() {
        model = new LocalBackendContractPeer();
        client = model.client();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void quickstart() {
        model.enqueue(TurnScript.builder().reasoning("Short and concrete.").assistant("Hello! ", "I am Patch.").build());

        String agentId = client.createAgent(AgentOptions.builder()
                .persona("You are Patch, a careful senior engineer.")
                .human("The user prefers short, concrete answers.")
                .build());
        List<String> printed = new ArrayList<>();
        try (Session session = client.createSession(agentId)) {
            session.send("Hi, who are you?");
            for (SessionEvent event : session.stream()) {
                if (event instanceof AssistantMessage m) {
                    printed.add(m.content());
                } else if (event instanceof Result r) {
                    printed.add("done: " + r.success());
                }
            }
        }

        assertThat(printed).containsExactly("Hello! I am Patch.", "done: true");
    }

    @Test
    void newConversationResumeAConversationAndTheMainConversation() {
        String agentId = client.createAgent(AgentOptions.builder().persona("You remember.").build());
        model.enqueue(TurnScript.text("noted"));
        model.enqueue(TurnScript.text("still here"));
        model.enqueue(TurnScript.text("main"));

        String conversationId;
        try (Session session = client.createSession(agentId)) {               // a new conversation
            conversationId = session.conversationId();
            session.send("Remember: the build is ./mvnw verify");
            assertThat(session.stream().result().success()).isTrue();
        }
        try (Session session = client.resumeSession(conversationId)) {        // resume that conversation
            assertThat(session.conversationId()).isEqualTo(conversationId);
            assertThat(session.agentId()).isEqualTo(agentId);
            session.send("What is the build command?");
            assertThat(session.stream().result().success()).isTrue();
        }
        try (Session session = client.resumeSession(agentId)) {               // the agent's main conversation
            assertThat(session.agentId()).isEqualTo(agentId);
            session.send("hello");
            assertThat(session.stream().result().success()).isTrue();
        }
    }

    @Test
    void oneShotPrompt() {
        String agentId = client.createAgent(AgentOptions.builder().persona("Terse.").build());
        model.enqueue(TurnScript.text("4"));

        PromptResult result = client.prompt("What is 2 + 2?", agentId);

        assertThat(result.success()).isTrue();
        assertThat(result.result()).isEqualTo("4");
    }

    @Test
    void streamingEveryEventType() {
        model.enqueue(TurnScript.builder().reasoning("I will look.")
                .toolCall("Bash", Map.of("command", "echo hi", "description", "say hi"))
                .assistant("It said hi.").build());
        SessionOptions options = SessionOptions.builder().permissionMode(PermissionMode.BYPASS_PERMISSIONS).build();
        List<String> kinds = new ArrayList<>();

        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()), options)) {
            session.send("Run echo hi");
            for (SessionEvent event : session.stream()) {
                if (event instanceof Reasoning r) {
                    kinds.add("reasoning");
                } else if (event instanceof ToolCall c) {
                    kinds.add("tool call " + c.toolName());
                } else if (event instanceof ToolResult t) {
                    kinds.add("tool result " + t.content().strip());
                } else if (event instanceof AssistantMessage m) {
                    kinds.add("assistant " + m.content());
                } else if (event instanceof Result r) {
                    kinds.add("result " + r.status());
                }
            }
        }

        assertThat(kinds).containsSubsequence("reasoning", "tool call Bash", "tool result hi", "assistant It said hi.",
                "result SUCCESS");
    }

    @Test
    void breakOutOfAStreamThenStreamAndSendAgain() {
        model.enqueue(TurnScript.builder().assistant("first").build());
        model.enqueue(TurnScript.text("second"));

        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()))) {
            session.send("one");
            for (SessionEvent event : session.stream()) {
                if (event instanceof AssistantMessage) {
                    break;                                                    // as a TS `for await` + `break`
                }
            }
            session.send("two");
            Result last = null;
            for (SessionEvent event : session.stream()) {
                if (event instanceof Result r) {
                    last = r;
                }
            }
            assertThat(last).isNotNull();
            assertThat(last.success()).isTrue();
            assertThat(last.result()).hasValue("second");
        }
    }

    @Test
    void sendWhileAMessageStreams() {
        model.enqueue(TurnScript.builder().pause(Duration.ofMillis(500)).assistant("one").build());
        model.enqueue(TurnScript.text("two"));
        List<String> answers = new ArrayList<>();

        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()))) {
            session.send("first");
            try (EventStream stream = session.stream()) {
                session.send("second");                                      // queued behind the first turn
                for (SessionEvent event : stream) {
                    if (event instanceof AssistantMessage m) {
                        answers.add(m.content());
                    }
                }
            }
        }

        assertThat(answers).containsExactly("one", "two");
    }

    @Test
    void canUseToolAllowsEditsAndDenies() {
        model.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "touch original.txt && echo original",
                "description", "x")).assistant("edited ran").build());
        model.enqueue(TurnScript.builder().toolCall("Bash", Map.of("command", "touch doomed.txt", "description", "x"))
                .assistant("denied").build());
        SessionOptions options = SessionOptions.builder()
                .canUseToolSync(request -> request.toolInput().get("command").equals("touch doomed.txt")
                        ? PermissionDecision.deny("never")
                        : PermissionDecision.allow(Map.of("command", "touch edited.txt && echo edited",
                                "description", "x")))
                .build();
        List<String> results = new ArrayList<>();

        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()), options)) {
            for (String prompt : List.of("run it", "clean up")) {
                session.send(prompt);
                for (SessionEvent event : session.stream()) {
                    if (event instanceof ToolResult t) {
                        results.add((t.isError() ? "error: " : "") + t.content().strip());
                    }
                }
            }
        }

        assertThat(results).hasSize(2);
        assertThat(results.get(0)).isEqualTo("edited");
        assertThat(results.get(1)).startsWith("error: ").contains("never");
        assertThat(model.workDir().resolve("original.txt")).doesNotExist();
        assertThat(model.workDir().resolve("doomed.txt")).doesNotExist();
    }

    @Test
    void abort() {
        model.enqueue(TurnScript.builder().reasoning("thinking").pause(Duration.ofSeconds(20)).assistant("late").build());
        model.enqueue(TurnScript.text("after"));

        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()))) {
            session.send("take your time");
            try (EventStream stream = session.stream()) {
                for (SessionEvent event : stream) {
                    if (event instanceof Reasoning) {
                        assertThat(session.abort()).isEqualTo(AbortOutcome.INTERRUPTED);
                    } else if (event instanceof Result r) {
                        assertThat(r.status()).isEqualTo(Result.Status.INTERRUPTED);
                    }
                }
            }
            session.send("are you there?");
            assertThat(session.stream().result().result()).hasValue("after");
        }
    }

    @Test
    void listAndSwitchModels() {
        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()))) {
            ModelCatalog models = session.listModels();
            assertThat(models.entries()).extracting(e -> e.handle()).contains(LocalBackendContractPeer.ALTERNATE_MODEL);

            session.updateModel(ModelUpdate.to(LocalBackendContractPeer.ALTERNATE_MODEL));

            assertThat(session.listModels().current()).hasValue(LocalBackendContractPeer.ALTERNATE_MODEL);
        }
    }

    @Test
    void rawCommands() {
        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()))) {
            CommandResponse response = session.sendCommand(Map.of("type", "initialize"),
                    ResponseMatcher.type("control_response"));

            assertThat(response.type()).isEqualTo("control_response");
        }
    }

    @Test
    void agentOptionsWithMemoryBlocksModelAndSystemPrompts() {
        String custom = client.createAgent(AgentOptions.builder()
                .name("reviewer")
                .memoryBlock(MemoryBlock.of("project", "letta-code-java, a Java SDK"))
                .model(LocalBackendContractPeer.ALTERNATE_MODEL)
                .systemPrompt(SystemPrompt.custom("You review Java code."))
                .build());
        String preset = client.createAgent(AgentOptions.builder()
                .systemPrompt(SystemPrompt.preset("letta-claude"))
                .build());

        model.enqueue(TurnScript.text("reviewing"));
        PromptResult answer = client.prompt("Review this.", custom);

        assertThat(answer.success()).isTrue();
        assertThat(client.agents().get(custom).name()).hasValue("reviewer");
        assertThat(model.modelRequests()).last().satisfies(request -> {
            assertThat(request.model()).contains("fake-model-2");
            assertThat(request.systemPrompt()).contains("You review Java code.", "letta-code-java, a Java SDK");
        });
        assertThat(client.agents().get(preset).id()).isEqualTo(preset);
    }

    @Test
    void sessionOptionsWithDreaming() {
        model.enqueue(TurnScript.text("I will reflect later."));
        SessionOptions options = SessionOptions.builder()
                .dreaming(Dreaming.stepCount(8))                              // reflect every 8 model steps
                .build();

        try (Session session = client.createSession(client.createAgent(AgentOptions.builder().build()), options)) {
            session.send("Remember that I prefer tabs.");
            assertThat(session.stream().result().success()).isTrue();
        }
    }

    @Test
    void cleanup() {
        Session session = client.createSession(client.createAgent(AgentOptions.builder().build()));
        session.close();
        session.close();                                                      // idempotent
        client.close();                                                       // closes what is still open

        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
    }
}
