package ai.letta.code.transport.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.fail;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentFile;
import ai.letta.code.api.agent.AgentFilter;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.AgentUpdate;
import ai.letta.code.api.agent.ImportOptions;
import ai.letta.code.api.group.GroupUpdate;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.agent.BlockCreate;
import ai.letta.code.api.agent.BlockFilter;
import ai.letta.code.api.agent.BlockUpdate;
import ai.letta.code.api.archive.ArchiveCreate;
import ai.letta.code.api.archive.ArchiveFilter;
import ai.letta.code.api.archive.ArchiveUpdate;
import ai.letta.code.api.archive.PassageCreate;
import ai.letta.code.api.archive.PassageSearch;
import ai.letta.code.api.conversation.ConversationCreate;
import ai.letta.code.api.conversation.ConversationUpdate;
import ai.letta.code.api.conversation.MessageRecord;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Reasoning;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.event.ToolCall;
import ai.letta.code.api.message.MessageResponse;
import ai.letta.code.api.message.MessageStream;
import ai.letta.code.api.message.MessageUpdate;
import ai.letta.code.api.message.SendRequest;
import ai.letta.code.api.message.ToolApproval;
import ai.letta.code.api.tool.ToolCreate;
import ai.letta.code.api.tool.ToolFilter;
import ai.letta.code.api.tool.ToolInfo;
import ai.letta.code.api.tool.ToolSearch;
import ai.letta.code.api.tool.ToolUpdate;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakecloud.FakeLettaCloud;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PrismMock;
import ai.letta.code.transport.cloud.http.HttpSettings;
import ai.letta.code.transport.cloud.http.LettaHttp;
import ai.letta.code.transport.cloud.http.ScriptedApiServer;
import ai.letta.code.transport.cloud.rest.ControlPlane;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST client against an independent reading of the Letta API's OpenAPI document: Prism (the pinned
 * {@code @stoplight/prism-cli}, see {@link PrismMock}).
 *
 * <ol>
 *   <li>{@code prism mock}: every operation below runs against Prism's mock. Prism refuses any request that breaks
 *       the document (a path the document lacks, a parameter of the wrong shape, a body property of the wrong
 *       type, a missing key), so any 4xx, and any other exception, fails the operation with what Prism said.
 *       The answers are the document's examples: the client must decode them, which checks our wire records
 *       against the schemas too.</li>
 *   <li>{@code prism proxy} in front of {@link FakeLettaCloud} (its {@code FakeLettaApi} and control plane): the
 *       same operations with real state; Prism checks the fake's answers against the same document and, with
 *       {@code --errors}, turns a violation into a 422, so the fake cannot drift from the real API.</li>
 * </ol>
 *
 * <p><b>Adding an operation</b> (one line, in {@link #operations()}): {@code op("family.verb", t ->
 * t.client().family().verb(t.agentId(), ...))}. The {@link Target} hands out ids in the document's shapes
 * ({@code agent-<uuid4>}, {@code conv-<uuid4>}) that exist in the proxy run's fake: {@link Target#agentId()} and
 * {@link Target#conversationId()} are shared and must survive the call; take {@link Target#freshAgentId()} for
 * an operation that deletes or otherwise spends its agent. An operation the fake cannot serve with real state
 * yet is {@code mockOnly(...)}. A path the document lacks cannot be checked here: list it in the comment above
 * {@link #operations()} instead. Ids of the other families (tools, blocks, archives, passages, messages, runs) come
 * from {@link Target#fixtures()}: made up for the mock, made directly on the fake for the proxy.
 *
 * <p><b>Documented exceptions</b>: where the client sends off the document on purpose, {@code deviation(...)}
 * (as {@code POST /v1/agents}); where the client and the fake follow the document but the document itself is
 * contradictory or unusable to Prism, {@code known(...)} with a {@link Known} that says what Prism answers or
 * logs instead (the archive schema, the empty 204s of two deletes, the schemas of event streams). Prism checks
 * only JSON answers: the fake's event-stream frames are checked through the JSON sends ({@code streaming:false}),
 * which carry the same message objects from the same renderer. An array query parameter needs two values here:
 * Prism does not read one value of an {@code anyOf[array, null]} parameter as an array (a server does).
 *
 * <p>Skipped, saying so, when the document is absent ({@code -Dletta.openapi}, else
 * {@code ../shared/spec/letta-openapi.json} beside the repository root).
 */
@ExtendWith(NoLeftoverProcesses.class)
class PrismConformanceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One operation of the Java client, run against a target. */
    @FunctionalInterface
    interface Call {
        void run(Target target) throws Exception;
    }

    /**
     * A named operation; {@code withState} false: only against the mock (the fake has no state for it yet);
     * {@code deviation} non-null: the client sends it off the document on purpose.
     */
    record Operation(String name, Call call, boolean withState, Deviation deviation, Known known) {
    }

    /**
     * A documented exception: the client and the fake follow the document, but the document itself is
     * contradictory or unusable to Prism at that point, so one run cannot pass as is. {@code mockRefusal} (null:
     * none): the text of the failure with which the mock answers the client's request although Prism logged no
     * request violation for it (the request is still checked). {@code proxyViolation} (null: none): the violation
     * Prism logs for every answer of the fake; it must still be logged, so the entry notices when the document is
     * fixed, and is the only one allowed.
     */
    record Known(String why, String mockRefusal, String proxyViolation) {
    }

    /**
     * Where the client leaves the document on purpose, and why: Prism must not know the client's path (so the
     * entry notices when the document changes), and the body the client sends must pass at the document's path.
     */
    record Deviation(String why, String method, String documentPath) {
    }

    /**
     * What an operation runs against: the client and the control plane pointed at one Prism, and ids of the
     * document's shapes (in the proxy run, of things that exist in the fake).
     */
    record Target(String name, LettaCodeClient client, ControlPlane control, String agentId, String conversationId,
            String deviceId, String key, Supplier<String> freshAgents, Fixtures fixtures) {

        /** @return an agent of its own for an operation that spends it (delete) */
        String freshAgentId() {
            return freshAgents.get();
        }
    }

    /**
     * Ids of the other resource families, in the document's shapes: against the mock made up, in the proxy run
     * made directly on the fake (not through Prism). {@code shared*} ones must survive the call; the others are
     * made for one call that spends them.
     */
    interface Fixtures {
        /** @return a tool that exists; must survive the call */
        String sharedToolId();

        /** @return the name of {@link #sharedToolId()} */
        String sharedToolName();

        /** @return a tool of its own (delete) */
        String freshToolId();

        /** @return a standalone block that exists; must survive the call */
        String sharedBlockId();

        /** @return a standalone block of its own (delete) */
        String freshBlockId();

        /** @return an archive that exists; must survive the call */
        String sharedArchiveId();

        /** @return an archive of its own (delete) */
        String freshArchiveId();

        /** @return a passage of its own in {@code archiveId} (delete) */
        String freshPassageId(String archiveId);

        /** @return a passage of its own in the agent's archival memory (delete) */
        String freshMemoryPassageId(String agentId);

        /** @return a conversation of its own of the agent (delete) */
        String freshConversationId(String agentId);

        /** @return an agent with sleep-time enabled; must survive the call */
        String sleeptimeAgentId();

        /** @return the sleep-time group of {@link #sleeptimeAgentId()}; must survive the call */
        String sharedGroupId();

        /** @return a group of its own (delete) */
        String freshGroupId();

        /** @return a message of the agent's history */
        String messageId(String agentId);

        /** @return a run of the agent */
        String runId(String agentId);

        /** @return a run of the conversation whose stream can be re-attached once */
        String streamingRunId(String conversationId);

        /**
         * Makes the next turn of a conversation (or an agent's default one) show reasoning, assistant text and a
         * tool call (an approval request), so the answer has every message type the fake renders.
         *
         * @return whether it did (false against the mock, which answers the document's example)
         */
        boolean richTurn(String conversationId);
    }

    /** Ids of the document's shapes that exist nowhere: what the mock is given. */
    static final class MadeUp implements Fixtures {
        private static String id(String prefix) {
            return prefix + "-" + UUID.randomUUID();
        }

        @Override
        public String sleeptimeAgentId() {
            return id("agent");
        }

        @Override
        public String sharedGroupId() {
            return id("group");
        }

        @Override
        public String freshGroupId() {
            return id("group");
        }

        @Override
        public String sharedToolId() {
            return id("tool");
        }

        @Override
        public String sharedToolName() {
            return "conformance_tool";
        }

        @Override
        public String freshToolId() {
            return id("tool");
        }

        @Override
        public String sharedBlockId() {
            return id("block");
        }

        @Override
        public String freshBlockId() {
            return id("block");
        }

        @Override
        public String sharedArchiveId() {
            return id("archive");
        }

        @Override
        public String freshArchiveId() {
            return id("archive");
        }

        @Override
        public String freshPassageId(String archiveId) {
            return id("passage");
        }

        @Override
        public String freshMemoryPassageId(String agentId) {
            return id("passage");
        }

        @Override
        public String freshConversationId(String agentId) {
            return id("conv");
        }

        @Override
        public String messageId(String agentId) {
            return id("message");
        }

        @Override
        public String runId(String agentId) {
            return id("run");
        }

        @Override
        public String streamingRunId(String conversationId) {
            return id("run");
        }

        @Override
        public boolean richTurn(String conversationId) {
            return false;
        }
    }

    /** Ids of things made directly on the fake (not through Prism), so a failure is the operation's own. */
    static final class OnTheFake implements Fixtures {
        private final LettaCodeClient direct;
        private final FakeLettaApi api;
        private final Map<String, String> shared = new ConcurrentHashMap<>();

        OnTheFake(LettaCodeClient direct, FakeLettaApi api) {
            this.direct = direct;
            this.api = api;
        }

        private ToolInfo tool() {
            String name = "conformance_" + UUID.randomUUID().toString().replace("-", "");
            return direct.tools().create(ToolCreate.builder("def " + name + "(x: str) -> str:\n"
                    + "    \"\"\"Echoes x.\n\n    Args:\n        x: the text\n    \"\"\"\n    return x\n")
                    .description("made for the conformance run").build());
        }

        @Override
        public String sharedToolId() {
            return shared.computeIfAbsent("tool", k -> {
                ToolInfo tool = tool();
                shared.put("toolName", tool.name().orElseThrow());
                return tool.id();
            });
        }

        @Override
        public String sharedToolName() {
            sharedToolId();
            return shared.get("toolName");
        }

        @Override
        public String freshToolId() {
            return tool().id();
        }

        @Override
        public String sharedBlockId() {
            return shared.computeIfAbsent("block", k -> freshBlockId());
        }

        private String sleeptimeAgent() {
            String agent = direct.agents().create(AgentOptions.builder().persona("You are terse.").build());
            direct.agents().update(agent, AgentUpdate.builder().enableSleeptime(true).build());
            return agent;
        }

        @Override
        public String sleeptimeAgentId() {
            return shared.computeIfAbsent("sleeptimeAgent", k -> sleeptimeAgent());
        }

        @Override
        public String sharedGroupId() {
            return shared.computeIfAbsent("group", k -> direct.groups().sleeptimeGroup(sleeptimeAgentId())
                    .orElseThrow().id());
        }

        @Override
        public String freshGroupId() {
            return direct.groups().sleeptimeGroup(sleeptimeAgent()).orElseThrow().id();
        }

        @Override
        public String freshBlockId() {
            return direct.blocks().create(BlockCreate.builder("conformance", "shared notes").build()).id()
                    .orElseThrow();
        }

        @Override
        public String sharedArchiveId() {
            return shared.computeIfAbsent("archive", k -> freshArchiveId());
        }

        @Override
        public String freshArchiveId() {
            return direct.archives().create(ArchiveCreate.builder("conformance-" + UUID.randomUUID()).build()).id();
        }

        @Override
        public String freshPassageId(String archiveId) {
            return direct.passages().insert(archiveId, PassageCreate.of("to delete")).id();
        }

        @Override
        public String freshMemoryPassageId(String agentId) {
            return direct.passages().insertMemory(agentId, PassageCreate.of("to delete")).get(0).id();
        }

        @Override
        public String freshConversationId(String agentId) {
            return direct.conversations().create(agentId).id();
        }

        @Override
        public String messageId(String agentId) {
            direct.messages().send(agentId, SendRequest.text("a message to edit"));
            return direct.messages().list(agentId, PageRequest.first(50)).items().stream()
                    .filter(m -> "user_message".equals(m.messageType())).map(MessageRecord::id).findFirst()
                    .orElseThrow();
        }

        @Override
        public String runId(String agentId) {
            return direct.messages().sendAsync(agentId, SendRequest.text("in the background")).id();
        }

        @Override
        public String streamingRunId(String conversationId) {
            // A stream cut after its first message, whose run the fake can then resume once.
            api.enqueue(conversationId, TurnScript.builder().assistant("before the cut").dropConnection()
                    .assistant("after the cut").build());
            try (MessageStream stream = direct.messages().streamToConversation(conversationId,
                    SendRequest.builder().text("start a stream").background(true).build())) {
                Throwable cut = catchThrowable(() -> stream.forEach(event -> { }));
                assertThat(cut).as("the scripted cut").isInstanceOf(TransportLostException.class);
                return stream.runId().orElseThrow();
            }
        }

        @Override
        public boolean richTurn(String conversationId) {
            api.enqueue(conversationId, TurnScript.builder().reasoning("they want a number").assistant("Rolling ",
                    "now.").toolCall("roll_dice", Map.of("sides", 6)).build());
            return true;
        }
    }

    private static Operation op(String name, Call call) {
        return new Operation(name, call, true, null, null);
    }

    private static Operation mockOnly(String name, Call call) {
        return new Operation(name, call, false, null, null);
    }

    private static Operation deviation(String name, Deviation deviation, Call call) {
        return new Operation(name, call, true, deviation, null);
    }

    private static Operation known(String name, Known known, Call call) {
        return new Operation(name, call, true, null, known);
    }

    /**
     * The document's {@code Archive} requires {@code organization_id} but lists no such property and forbids
     * additional ones, so no archive (the real server's, which has the field, nor the fake's) can satisfy it.
     */
    private static final Known ARCHIVE_SCHEMA = new Known("the document's Archive schema requires organization_id "
            + "and forbids it (additionalProperties false, no such property); the fake keeps the field the server "
            + "sends", null, "must NOT have additional properties; found 'organization_id'");

    /**
     * The document's {@code 204} of these deletes is an empty object (no description, no content), which Prism
     * drops: its mock answers its 422 example to a request it validated, and it flags the fake's 204.
     */
    private static final Known EMPTY_204 = new Known("the document's 204 response of this DELETE is {} and Prism "
            + "drops it: the mock answers its 422 example to a valid request, the proxy flags the fake's 204",
            "answered HTTP 422: string: string",
            "Unable to match the returned status code with those defined in the document: 422");

    /**
     * {@code text/event-stream} of these sends has no schema in the document, so Prism's mock answers an empty
     * stream (the client reports a stream cut before {@code [DONE]}); only the request is checked there.
     */
    private static final Known SCHEMALESS_STREAM = new Known("the document gives the send's text/event-stream no "
            + "schema: Prism's mock answers an empty stream, which ends before [DONE]", "ended before [DONE]", null);

    /**
     * {@code text/event-stream} of the re-attach has an object schema (a oneOf of the message types) for what is
     * a text stream of such objects: Prism's mock cannot serialise it (500 after validating the request), and
     * through the proxy Prism validates the whole event-stream text as one object. The events themselves are
     * the fake's message objects, which Prism checks in the JSON answers of {@code messages.send} and
     * {@code messages.sendToConversation} (the same renderer).
     */
    private static final Known OBJECT_STREAM = new Known("the document gives the re-attach's text/event-stream an "
            + "object schema: Prism's mock cannot serialise it (500 NO_COMPLEX_OBJECT_TEXT) and its proxy checks "
            + "the whole stream text as one object", "Cannot serialise complex objects as text",
            "Violation: response.body Response body must "); // "be object", "match exactly one schema in oneOf"

    /**
     * The document declares the export's answer {@code type: string} (the server's handler is typed {@code str} but
     * returns the agent file's object): the mock answers its example string, which is no agent file. The fake
     * answers the document's shape, a JSON string holding the agent file, which the client unwraps.
     */
    private static final Known STRING_EXPORT = new Known("the document gives the export's answer the schema "
            + "type: string, so the mock's example is a string that is no agent file", "is not an agent file", null);

    /** An agent file with one agent and one block, as a Letta server exports one (ids local to the file). */
    static final String AGENT_FILE = "{\"agents\": [{\"id\": \"agent-0\", \"name\": \"imported\", \"system\": "
            + "\"You are imported.\", \"agent_type\": \"letta_v1_agent\", \"tags\": [\"conformance\"], "
            + "\"block_ids\": [\"block-0\"], \"tool_ids\": [], \"messages\": [], \"in_context_message_ids\": []}], "
            + "\"groups\": [], \"blocks\": [{\"id\": \"block-0\", \"label\": \"persona\", \"value\": "
            + "\"You are imported.\", \"limit\": 5000}], \"files\": [], \"sources\": [], \"tools\": [], "
            + "\"mcp_servers\": []}";

    /*
     * Every operation of the REST client whose path is in the document. Not checkable here because the document
     * lacks their paths (Letta Cloud's own, cloud.md §3): POST /v1/agents/{id}/sandboxes (ControlPlane.createSandbox),
     * POST /v1/sandboxes/{id}/refresh and POST /v1/agents/{id}/sandboxes/refresh (refreshSandbox,
     * refreshAgentSandbox).
     */
    static List<Operation> operations() {
        return List.of(
                deviation("agents.create", new Deviation("production api.letta.com 404s the document's POST "
                        + "/v1/agents/, so the client posts /v1/agents (cloud.md §1.1, §4.10)", "POST", "/v1/agents/"),
                        t -> assertThat(t.client().agents().create(AgentOptions.builder()
                        .name("conformance").persona("You are Patch.").human("Ana.")
                        .memoryBlock(MemoryBlock.of("notes", "none yet")).tags(List.of("conformance"))
                        .description("checked by prism").build())).isNotBlank()),
                deviation("agents.create with the Letta API's own fields", new Deviation("production "
                        + "api.letta.com 404s the document's POST /v1/agents/ (cloud.md §1.1, §4.10)", "POST",
                        "/v1/agents/"), t -> assertThat(t.client().agents().create(AgentOptions.builder()
                        .name("conformance").persona("You are Patch.").blockId(t.fixtures().sharedBlockId())
                        .toolId(t.fixtures().sharedToolId()).tool(t.fixtures().sharedToolName())
                        .metadata(Map.of("run", 1, "by", "prism")).enableSleeptime(true).contextWindowLimit(16000)
                        .build())).isNotBlank()),
                op("agents.get", t -> assertThat(t.client().agents().get(t.agentId()).id()).isNotBlank()),
                known("agents.exportAgent", STRING_EXPORT, t -> assertThat(t.client().agents()
                        .exportAgent(t.agentId()).json()).contains("\"agents\"")),
                op("agents.importAgent", t -> assertThat(t.client().agents().importAgent(AgentFile.of(AGENT_FILE)))
                        .isNotEmpty()),
                op("agents.importAgent with options", t -> assertThat(t.client().agents().importAgent(
                        AgentFile.of(AGENT_FILE), ImportOptions.builder().name("imported-by-prism")
                        .model("openai/gpt-4o-mini").embedding("openai/text-embedding-3-small").stripMessages(true)
                        .overrideExistingTools(false).build())).isNotEmpty()),
                op("agents.contextWindow", t -> assertThat(t.client().agents().contextWindow(t.agentId())
                        .maxTokens()).isNotNegative()),
                op("agents.list", t -> assertThat(t.client().agents().list(PageRequest.first(5)).items())
                        .allSatisfy(a -> assertThat(a.id()).isNotBlank())),
                op("agents.delete", t -> t.client().agents().delete(t.freshAgentId())),
                op("agents.update", t -> assertThat(t.client().agents().update(t.agentId(), AgentUpdate.builder()
                        .description("updated by prism").tags(List.of("conformance")).metadata(Map.of("run", 1))
                        .enableSleeptime(false).build()).id()).isNotBlank()),
                op("agents.list filtered", t -> assertThat(t.client().agents().list(AgentFilter.builder()
                        .name("conformance").tags(List.of("conformance", "prism"), true).queryText("conf").build(),
                        PageRequest.first(5)).items()).allSatisfy(a -> assertThat(a.id()).isNotBlank())),
                op("agents.count", t -> assertThat(t.client().agents().count(AgentFilter.all())).isNotNegative()),
                op("agents.count filtered", t -> assertThat(t.client().agents().count(AgentFilter.builder()
                        .tags(List.of("conformance", "prism"), false).queryText("conf").build())).isNotNegative()),
                op("groups.get", t -> assertThat(t.client().groups().get(t.fixtures().sharedGroupId()).id())
                        .isNotBlank()),
                op("groups.list", t -> assertThat(t.client().groups().list(PageRequest.first(5)).items())
                        .isNotNull()),
                op("groups.count", t -> assertThat(t.client().groups().count()).isNotNegative()),
                op("groups.listForAgent", t -> assertThat(t.client().groups().listForAgent(
                        t.fixtures().sleeptimeAgentId(), PageRequest.first(5)).items()).isNotNull()),
                op("groups.update", t -> assertThat(t.client().groups().update(t.fixtures().sharedGroupId(),
                        GroupUpdate.builder().sleeptimeFrequency(2).build()).id()).isNotBlank()),
                op("groups.delete", t -> t.client().groups().delete(t.fixtures().freshGroupId())),
                op("groups.sleeptimeGroup", t -> assertThat(t.client().groups().sleeptimeGroup(
                        t.fixtures().sleeptimeAgentId())).isNotNull()),
                op("groups.sharedBlocks", t -> assertThat(t.client().groups().sharedBlocks(
                        t.fixtures().sleeptimeAgentId())).isNotNull()),
                op("blocks.list", t -> assertThat(t.client().blocks().list(t.agentId())).isNotNull()),
                op("blocks.get", t -> assertThat(t.client().blocks().get(t.agentId(), "persona").label())
                        .isNotBlank()),
                op("blocks.update", t -> assertThat(t.client().blocks().update(t.agentId(), "persona",
                        "You are Patch, checked.").label()).isNotBlank()),
                op("conversations.create", t -> assertThat(t.client().conversations().create(t.agentId()).id())
                        .isNotBlank()),
                op("conversations.get", t -> assertThat(t.client().conversations().get(t.conversationId()).id())
                        .isNotBlank()),
                op("conversations.list", t -> assertThat(t.client().conversations().list(t.agentId(),
                        PageRequest.first(5)).items()).allSatisfy(c -> assertThat(c.id()).isNotBlank())),
                op("conversations.messages", t -> assertThat(t.client().conversations()
                        .messages(t.conversationId(), PageRequest.first(5)).items()).isNotNull()),
                op("conversations.messages of the default conversation", t -> assertThat(t.client()
                        .conversations().messages(t.agentId(), PageRequest.first(5)).items()).isNotNull()),
                op("conversations.create with options", t -> assertThat(t.client().conversations()
                        .create(t.agentId(), ConversationCreate.builder().summary("checked by prism")
                        .isolatedBlockLabels(List.of("persona")).build()).id()).isNotBlank()),
                op("conversations.update", t -> assertThat(t.client().conversations().update(t.conversationId(),
                        ConversationUpdate.builder().summary("renamed by prism").build()).id()).isNotBlank()),
                op("conversations.delete", t -> t.client().conversations().delete(
                        t.fixtures().freshConversationId(t.agentId()))),
                op("conversations.fork", t -> assertThat(t.client().conversations().fork(t.conversationId()).id())
                        .isNotBlank()),
                op("conversations.fork of the default conversation", t -> assertThat(t.client().conversations()
                        .fork(t.agentId()).id()).isNotBlank()),
                op("conversations.cancel", t -> assertThat(t.client().conversations().cancel(t.conversationId()))
                        .isNotNull()),
                op("conversations.compact", t -> assertThat(t.client().conversations().compact(t.conversationId()))
                        .isNotNull()),
                // tools
                op("tools.list", t -> assertThat(t.client().tools().list(ToolFilter.all(), PageRequest.first(5))
                        .items()).allSatisfy(tool -> assertThat(tool.id()).isNotBlank())),
                op("tools.list filtered", t -> assertThat(t.client().tools().list(ToolFilter.builder()
                        .names(List.of("web_search", "fetch_webpage")).search("web")
                        .toolTypes(List.of("custom", "letta_builtin"))
                        .excludeToolTypes(List.of("letta_core", "letta_memory_core")).build(), PageRequest.first(5)).items()).isNotNull()),
                op("tools.count", t -> assertThat(t.client().tools().count(ToolFilter.all())).isNotNegative()),
                op("tools.count filtered", t -> assertThat(t.client().tools().count(ToolFilter.builder()
                        .name("web_search").onlyLettaTools(true).build())).isNotNegative()),
                op("tools.get", t -> assertThat(t.client().tools().get(t.fixtures().sharedToolId()).id())
                        .isNotBlank()),
                op("tools.create", t -> assertThat(t.client().tools().create(toolSource()).id()).isNotBlank()),
                op("tools.upsert", t -> assertThat(t.client().tools().upsert(toolSource()).id()).isNotBlank()),
                op("tools.update", t -> assertThat(t.client().tools().update(t.fixtures().sharedToolId(),
                        ToolUpdate.builder().description("updated by prism").tags(List.of("conformance"))
                        .returnCharLimit(5000).defaultRequiresApproval(false).build()).id()).isNotBlank()),
                op("tools.delete", t -> t.client().tools().delete(t.fixtures().freshToolId())),
                op("tools.search", t -> assertThat(t.client().tools().search(ToolSearch.builder().query("echo")
                        .mode(ToolSearch.Mode.FTS).limit(5).build())).isNotNull()),
                op("tools.listForAgent", t -> assertThat(t.client().tools().listForAgent(t.agentId(),
                        PageRequest.first(5)).items()).isNotNull()),
                op("tools.attach", t -> t.client().tools().attach(t.agentId(), t.fixtures().sharedToolId())),
                op("tools.detach", t -> t.client().tools().detach(t.agentId(), t.fixtures().sharedToolId())),
                op("tools.updateApproval", t -> t.client().tools().updateApproval(t.agentId(),
                        t.fixtures().sharedToolName(), true)),
                // standalone blocks
                op("blocks.create", t -> assertThat(t.client().blocks().create(BlockCreate.builder("research",
                        "nothing yet").description("what we found").limit(2000).readOnly(false)
                        .tags(List.of("conformance")).build()).label()).isNotBlank()),
                op("blocks.get by id", t -> assertThat(t.client().blocks().get(t.fixtures().sharedBlockId())
                        .label()).isNotBlank()),
                op("blocks.update by id", t -> assertThat(t.client().blocks().update(t.fixtures().sharedBlockId(),
                        BlockUpdate.builder().value("found something").description("updated by prism")
                        .limit(3000).build()).label()).isNotBlank()),
                op("blocks.update of an agent's block with options", t -> assertThat(t.client().blocks()
                        .update(t.agentId(), "persona", BlockUpdate.builder().value("You are Patch, again.")
                        .description("who the agent is").build()).label()).isNotBlank()),
                op("blocks.delete", t -> t.client().blocks().delete(t.fixtures().freshBlockId())),
                op("blocks.list standalone", t -> assertThat(t.client().blocks().list(BlockFilter.all(),
                        PageRequest.first(5)).items()).allSatisfy(b -> assertThat(b.label()).isNotBlank())),
                op("blocks.list filtered", t -> assertThat(t.client().blocks().list(BlockFilter.builder()
                        .label("conformance").labelSearch("conf").valueSearch("notes")
                        .tags(List.of("conformance", "prism"), true).build(), PageRequest.first(5)).items()).isNotNull()),
                op("blocks.count", t -> assertThat(t.client().blocks().count(BlockFilter.all())).isNotNegative()),
                op("blocks.count filtered", t -> assertThat(t.client().blocks().count(BlockFilter.builder()
                        .label("conformance").tags(List.of("conformance", "prism"), false).build())).isNotNegative()),
                op("blocks.attach", t -> t.client().blocks().attach(t.agentId(), t.fixtures().sharedBlockId())),
                op("blocks.detach", t -> t.client().blocks().detach(t.agentId(), t.fixtures().sharedBlockId())),
                // archives
                known("archives.create", ARCHIVE_SCHEMA, t -> assertThat(t.client().archives().create(ArchiveCreate.builder(
                        "conformance-" + UUID.randomUUID()).description("checked by prism")
                        .embedding("openai/text-embedding-3-small").build()).id()).isNotBlank()),
                known("archives.get", ARCHIVE_SCHEMA, t -> assertThat(t.client().archives().get(t.fixtures().sharedArchiveId()).id())
                        .isNotBlank()),
                known("archives.update", ARCHIVE_SCHEMA, t -> assertThat(t.client().archives().update(t.fixtures().sharedArchiveId(),
                        ArchiveUpdate.builder().description("updated by prism").build()).id()).isNotBlank()),
                known("archives.delete", EMPTY_204, t -> t.client().archives().delete(t.fixtures().freshArchiveId())),
                known("archives.list", ARCHIVE_SCHEMA, t -> assertThat(t.client().archives().list(ArchiveFilter.all(),
                        PageRequest.first(5)).items()).allSatisfy(a -> assertThat(a.id()).isNotBlank())),
                op("archives.list filtered", t -> assertThat(t.client().archives().list(ArchiveFilter.all()
                        .named("none-" + UUID.randomUUID()).attachedTo(t.agentId()), PageRequest.first(5)).items())
                        .isNotNull()),
                op("archives.agents", t -> assertThat(t.client().archives().agents(t.fixtures().sharedArchiveId(),
                        PageRequest.first(5)).items()).isNotNull()),
                op("archives.attach", t -> t.client().archives().attach(t.agentId(), t.fixtures().sharedArchiveId())),
                op("archives.detach", t -> t.client().archives().detach(t.agentId(), t.fixtures().sharedArchiveId())),
                // passages
                op("passages.insert", t -> assertThat(t.client().passages().insert(t.fixtures().sharedArchiveId(),
                        PassageCreate.builder("Ana likes tea.").tags(List.of("conformance"))
                        .createdAt(Instant.parse("2026-01-02T03:04:05Z")).build()).id()).isNotBlank()),
                op("passages.insertAll", t -> assertThat(t.client().passages().insertAll(
                        t.fixtures().sharedArchiveId(), List.of(PassageCreate.of("one"), PassageCreate.builder("two")
                        .tags(List.of("conformance")).build()))).isNotNull()),
                known("passages.delete", EMPTY_204, t -> {
                    String archive = t.fixtures().sharedArchiveId();
                    t.client().passages().delete(archive, t.fixtures().freshPassageId(archive));
                }),
                op("passages.listMemory", t -> assertThat(t.client().passages().listMemory(t.agentId(),
                        PageRequest.first(5)).items()).isNotNull()),
                op("passages.listMemory with search", t -> assertThat(t.client().passages().listMemory(t.agentId(),
                        "tea", PageRequest.first(5)).items()).isNotNull()),
                op("passages.insertMemory", t -> assertThat(t.client().passages().insertMemory(t.agentId(),
                        PassageCreate.builder("Ana likes coffee too.").tags(List.of("conformance")).build()))
                        .isNotNull()),
                op("passages.searchMemory", t -> assertThat(t.client().passages().searchMemory(t.agentId(),
                        PassageSearch.builder().query("coffee").tags(List.of("conformance", "prism")).matchAllTags()
                        .start(Instant.parse("2020-01-01T00:00:00Z")).end(Instant.parse("2030-01-01T00:00:00Z"))
                        .limit(5).build())).isNotNull()),
                op("passages.deleteMemory", t -> t.client().passages().deleteMemory(t.agentId(),
                        t.fixtures().freshMemoryPassageId(t.agentId()))),
                op("passages.search", t -> assertThat(t.client().passages().search(PassageSearch.builder()
                        .query("tea").agentId(t.agentId()).tags(List.of("conformance")).limit(5).build()))
                        .isNotNull()),
                op("passages.search in an archive", t -> assertThat(t.client().passages().search(PassageSearch
                        .builder().query("tea").archiveId(t.fixtures().sharedArchiveId())
                        .start(Instant.parse("2020-01-01T00:00:00Z")).build())).isNotNull()),
                // messages
                op("messages.send", t -> richTurn(t, t.agentId(), () -> t.client().messages().send(t.agentId(),
                        SendRequest.builder().text("hi").maxSteps(3).build()))),
                op("messages.send with options", t -> assertThat(t.client().messages().send(t.agentId(),
                        SendRequest.builder().text("hi").maxSteps(3).overrideModel("openai/gpt-4o-mini")
                        .includeReturnMessageTypes(List.of("assistant_message")).build()).messages()).isNotNull()),
                op("messages.sendToConversation", t -> richTurn(t, t.conversationId(), () -> t.client().messages()
                        .sendToConversation(t.conversationId(), SendRequest.text("hi")))),
                known("messages.stream", SCHEMALESS_STREAM, t -> {
                    try (MessageStream stream = t.client().messages().stream(t.agentId(), SendRequest.builder()
                            .text("hi").streamTokens(true).build())) {
                        assertThat(stream.collect().messages()).isNotNull();
                    }
                }),
                known("messages.streamToConversation", SCHEMALESS_STREAM, t -> {
                    try (MessageStream stream = t.client().messages().streamToConversation(t.conversationId(),
                            SendRequest.builder().text("hi").background(true).includeCompactionMessages(true)
                            .build())) {
                        assertThat(stream.collect().messages()).isNotNull();
                    }
                }),
                known("messages.reattach", OBJECT_STREAM, t -> {
                    String run = t.fixtures().streamingRunId(t.conversationId());
                    try (MessageStream stream = t.client().messages().reattach(t.conversationId(), run)) {
                        assertThat(stream.collect().messages()).isNotNull();
                    }
                }),
                op("messages.list", t -> assertThat(t.client().messages().list(t.agentId(), PageRequest.first(5))
                        .items()).isNotNull()),
                op("messages.update", t -> assertThat(t.client().messages().update(t.agentId(),
                        t.fixtures().messageId(t.agentId()), MessageUpdate.user("edited by prism")).id())
                        .isNotBlank()),
                op("messages.reset", t -> t.client().messages().reset(t.freshAgentId(), false)),
                op("messages.cancel", t -> assertThat(t.client().messages().cancel(t.agentId(),
                        List.of(t.fixtures().runId(t.agentId())))).isNotNull()),
                op("messages.sendAsync", t -> assertThat(t.client().messages().sendAsync(t.agentId(),
                        SendRequest.text("in the background")).id()).isNotBlank()),
                op("messages.run", t -> assertThat(t.client().messages().run(t.fixtures().runId(t.agentId())).id())
                        .isNotBlank()),
                op("messages.answerApprovals", t -> assertThat(t.client().messages().answerApprovals(
                        t.conversationId(), List.of(ToolApproval.approve("toolu_" + UUID.randomUUID()),
                        ToolApproval.deny("toolu_" + UUID.randomUUID(), "not now")))).isNotNull()),
                op("models.list", t -> assertThat(t.client().models().list()).isNotNull()),
                op("models.embeddingModels", t -> assertThat(t.client().models().embeddingModels())
                        .allSatisfy(m -> assertThat(m.name()).isNotNull())),
                op("controlPlane.environments", t -> assertThat(t.control().environments()).isNotNull()),
                op("controlPlane.environment", t -> assertThat(t.control().environment(t.deviceId())).isNotNull()),
                mockOnly("controlPlane.terminateSandbox", t -> t.control().terminateSandbox("sandbox-"
                        + UUID.randomUUID())));
    }

    /** A send whose answer, on the fake, has reasoning, assistant text and an approval request. */
    private static void richTurn(Target t, String conversationId, Supplier<MessageResponse> send) {
        boolean scripted = t.fixtures().richTurn(conversationId);
        List<SessionEvent> messages = send.get().messages();
        if (scripted) {
            assertThat(messages).hasAtLeastOneElementOfType(Reasoning.class)
                    .hasAtLeastOneElementOfType(AssistantMessage.class).hasAtLeastOneElementOfType(ToolCall.class);
        } else {
            assertThat(messages).isNotNull();
        }
    }

    /** A tool of its own name, with every option the document's ToolCreate has a Java setter for. */
    private static ToolCreate toolSource() {
        String name = "conformance_" + UUID.randomUUID().toString().replace("-", "");
        return ToolCreate.builder("def " + name + "(x: str) -> str:\n    \"\"\"Echoes x.\n\n    Args:\n"
                + "        x: the text\n    \"\"\"\n    return x\n").sourceType("python")
                .description("checked by prism").tags(List.of("conformance")).returnCharLimit(5000)
                .defaultRequiresApproval(false).enableParallelExecution(true).build();
    }

    private static Path spec;
    private static PrismMock mock;
    private static FakeLettaCloud cloud;
    private static PrismMock proxy;
    private static final List<AutoCloseable> CLOSE = new ArrayList<>();
    private static final AtomicInteger CHECKED_MOCK = new AtomicInteger();
    private static final AtomicInteger CHECKED_PROXY = new AtomicInteger();

    @BeforeAll
    static void start() {
        spec = PrismMock.requireLettaSpec();
        mock = PrismMock.mock(spec).start();
        cloud = FakeLettaCloud.start();
        proxy = PrismMock.proxy(spec, cloud.baseUrl()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (int i = CLOSE.size() - 1; i >= 0; i--) {
            CLOSE.get(i).close();
        }
        for (AutoCloseable peer : new AutoCloseable[] {proxy, cloud, mock}) {
            if (peer != null) {
                peer.close();
            }
        }
        System.out.println("PrismConformanceIT: " + CHECKED_MOCK + " operations passed against prism mock, "
                + CHECKED_PROXY + " through prism proxy in front of FakeLettaCloud (" + operations().size()
                + " in the table)");
    }

    @TestFactory
    Stream<DynamicTest> everyOperationIsAcceptedByPrismMock() {
        String agent = "agent-" + UUID.randomUUID();
        Target target = target("prism mock", mock, FakeLettaCloud.DEFAULT_API_KEY, agent,
                "conv-" + UUID.randomUUID(), "device-" + UUID.randomUUID(), () -> "agent-" + UUID.randomUUID(),
                new MadeUp());
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.name(), () -> {
            check(target, mock, op);
            CHECKED_MOCK.incrementAndGet();
        }));
    }

    @TestFactory
    Stream<DynamicTest> fakeLettaCloudAnswersWhatTheDocumentSays() throws Exception {
        // State made directly on the fake (not through Prism), so a failure below is the operation's own.
        LettaCodeClient direct = client(cloud.baseUrl(), cloud.apiKey());
        CLOSE.add(direct);
        Supplier<String> freshAgents = () -> direct.agents().create(AgentOptions.builder().name("to-delete")
                .build());
        String agent = direct.agents().create(AgentOptions.builder().name("conformance").persona("You are Patch.")
                .build());
        ConversationInfo conversation = direct.conversations().create(agent);
        String device = registerEnvironment();
        Target target = target("prism proxy", proxy, cloud.apiKey(), agent, conversation.id(), device, freshAgents,
                new OnTheFake(direct, cloud.api()));
        return operations().stream().filter(Operation::withState).map(op -> DynamicTest.dynamicTest(op.name(),
                () -> {
                    check(target, proxy, op);
                    CHECKED_PROXY.incrementAndGet();
                }));
    }

    private static Target target(String name, PrismMock prism, String key, String agentId, String conversationId,
            String deviceId, Supplier<String> freshAgents, Fixtures fixtures) {
        LettaCodeClient client = client(prism.baseUrl(), key);
        LettaHttp http = new LettaHttp(HttpSettings.from(options(prism.baseUrl(), key)));
        CLOSE.add(client);
        CLOSE.add(http::close);
        return new Target(name, client, new ControlPlane(http), agentId, conversationId, deviceId, key,
                freshAgents, fixtures);
    }

    private static CloudOptions options(URI baseUrl, String key) {
        return CloudOptions.builder(key).baseUrl(baseUrl).requestTimeout(Duration.ofSeconds(20)).build();
    }

    private static LettaCodeClient client(URI baseUrl, String key) {
        return LettaCode.create(options(baseUrl, key));
    }

    /**
     * Runs one operation; an exception (a 4xx from Prism above all) or a violation Prism logged fails it, with
     * Prism's answer and log lines. Against the mock, violations of the response are Prism's own (its static
     * examples ignore some of the document's patterns) and do not count.
     */
    private static void check(Target target, PrismMock prism, Operation op) throws Exception {
        if (op.deviation() != null) {
            checkDeviation(target, prism, op);
            return;
        }
        if (op.known() != null && (prism == mock ? op.known().mockRefusal() : op.known().proxyViolation()) != null) {
            checkKnown(target, prism, op);
            return;
        }
        int mark = prism.violations().size();
        try {
            op.call().run(target);
        } catch (LettaCodeException | AssertionError e) {
            prism.sync();
            fail(op.name() + " broke the OpenAPI document on " + target.name() + ": " + e.getMessage()
                    + "\n  Prism logged: " + prism.violationsSince(mark), e);
        }
        prism.sync();
        assertThat(counted(prism.violationsSince(mark), prism)).as("violations Prism logged for %s on %s",
                op.name(), target.name()).isEmpty();
    }

    /** A documented exception ({@link Known}) on the run it concerns. */
    private static void checkKnown(Target target, PrismMock prism, Operation op) throws Exception {
        Known known = op.known();
        String changed = op.name() + ": documented exception (" + known.why() + ")";
        int mark = prism.violations().size();
        Throwable failure = catchThrowable(() -> op.call().run(target));
        prism.sync();
        List<String> violations = prism.violationsSince(mark);
        if (prism == mock) {
            assertThat(violations).as("request violations Prism logged for %s on %s", op.name(), target.name())
                    .noneMatch(v -> v.startsWith("Violation: request"));
            assertThat(failure).as(changed + "; the mock answering otherwise means the document changed")
                    .isNotNull().hasMessageContaining(known.mockRefusal());
        } else {
            if (failure != null) {
                fail(op.name() + " failed on " + target.name() + ": " + failure.getMessage() + "\n  Prism logged: "
                        + violations, failure);
            }
            assertThat(violations).as(changed + "; Prism no longer logging it means the document changed")
                    .isNotEmpty().allMatch(v -> v.contains(known.proxyViolation()));
        }
    }

    private static List<String> counted(List<String> violations, PrismMock prism) {
        return prism == mock ? violations.stream().filter(v -> !v.startsWith("Violation: response")).toList()
                : violations;
    }

    /**
     * A deviation: the client's own request must be unknown to Prism (the mock answers 404 naming the document;
     * the proxy forwards it and logs that no route matched), and the body it sends, captured from a scripted
     * server, must pass at the document's path.
     */
    private static void checkDeviation(Target target, PrismMock prism, Operation op) throws Exception {
        Deviation deviation = op.deviation();
        String changed = op.name() + ": the client's path is off the document on purpose (" + deviation.why()
                + "); Prism knowing it means the document changed";
        int mark = prism.violations().size();
        Throwable refused = catchThrowable(() -> op.call().run(target));
        prism.sync();
        if (prism == mock) {
            assertThat(refused).as(changed).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("hasn't been found in the specification file");
        } else {
            assertThat(refused).as("%s on %s", op.name(), target.name()).isNull();
            assertThat(prism.violationsSince(mark)).as(changed)
                    .containsExactly("Violation: request Selected route not found");
        }
        String body = capturedBody(op);
        mark = prism.violations().size();
        HttpResponse<String> answer = RAW.send(HttpRequest.newBuilder(prism.baseUrl()
                .resolve(deviation.documentPath())).header("Authorization", "Bearer " + target.key())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .method(deviation.method(), HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        prism.sync();
        assertThat(answer.statusCode()).as("%s %s with the client's body %s on %s: %s %s", deviation.method(),
                deviation.documentPath(), body, target.name(), answer.body(), prism.violationsSince(mark))
                .isBetween(200, 299);
        assertThat(counted(prism.violationsSince(mark), prism)).as("violations Prism logged for %s %s with the "
                + "client's body %s on %s", deviation.method(), deviation.documentPath(), body, target.name())
                .isEmpty();
    }

    /** The body the operation sends, from a server that answers every request with a minimal agent. */
    private static String capturedBody(Operation op) throws Exception {
        String id = "agent-" + UUID.randomUUID();
        try (ScriptedApiServer server = ScriptedApiServer.start()
                .then(ScriptedApiServer.Reply.json(200, "{\"id\":\"" + id + "\"}"));
                LettaCodeClient client = client(server.baseUrl(), "sk-capture")) {
            op.call().run(new Target("capture", client, null, id, null, null, "sk-capture", () -> id, new MadeUp()));
            return server.received().get(0).body();
        }
    }

    /** An environment on the fake cloud, registered as a listener would (cloud.md §3), for its GET. */
    private static String registerEnvironment() throws Exception {
        String deviceId = "device-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(Map.of("deviceId", deviceId, "connectionName", "conformance"));
        HttpResponse<String> answer = RAW.send(HttpRequest.newBuilder(cloud.baseUrl()
                .resolve("/v1/environments/register")).header("Authorization", "Bearer " + cloud.apiKey())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("register: %s", answer.body()).isEqualTo(200);
        JsonNode registered = JSON.readTree(answer.body());
        assertThat(registered.path("connectionId").asString()).isNotBlank();
        return deviceId;
    }
}
