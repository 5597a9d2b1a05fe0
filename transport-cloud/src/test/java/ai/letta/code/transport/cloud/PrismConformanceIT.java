package ai.letta.code.transport.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.fail;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.conversation.ConversationInfo;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.NotFoundException;
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
 * {@link #operations()} instead.
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
    record Operation(String name, Call call, boolean withState, Deviation deviation) {
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
            String deviceId, String key, Supplier<String> freshAgents) {

        /** @return an agent of its own for an operation that spends it (delete) */
        String freshAgentId() {
            return freshAgents.get();
        }
    }

    private static Operation op(String name, Call call) {
        return new Operation(name, call, true, null);
    }

    private static Operation mockOnly(String name, Call call) {
        return new Operation(name, call, false, null);
    }

    private static Operation deviation(String name, Deviation deviation, Call call) {
        return new Operation(name, call, true, deviation);
    }

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
                op("agents.get", t -> assertThat(t.client().agents().get(t.agentId()).id()).isNotBlank()),
                op("agents.list", t -> assertThat(t.client().agents().list(PageRequest.first(5)).items())
                        .allSatisfy(a -> assertThat(a.id()).isNotBlank())),
                op("agents.delete", t -> t.client().agents().delete(t.freshAgentId())),
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
                op("models.list", t -> assertThat(t.client().models().list()).isNotNull()),
                op("controlPlane.environments", t -> assertThat(t.control().environments()).isNotNull()),
                op("controlPlane.environment", t -> assertThat(t.control().environment(t.deviceId())).isNotNull()),
                mockOnly("controlPlane.terminateSandbox", t -> t.control().terminateSandbox("sandbox-"
                        + UUID.randomUUID())));
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
                "conv-" + UUID.randomUUID(), "device-" + UUID.randomUUID(), () -> "agent-" + UUID.randomUUID());
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
        Target target = target("prism proxy", proxy, cloud.apiKey(), agent, conversation.id(), device, freshAgents);
        return operations().stream().filter(Operation::withState).map(op -> DynamicTest.dynamicTest(op.name(),
                () -> {
                    check(target, proxy, op);
                    CHECKED_PROXY.incrementAndGet();
                }));
    }

    private static Target target(String name, PrismMock prism, String key, String agentId, String conversationId,
            String deviceId, Supplier<String> freshAgents) {
        LettaCodeClient client = client(prism.baseUrl(), key);
        LettaHttp http = new LettaHttp(HttpSettings.from(options(prism.baseUrl(), key)));
        CLOSE.add(client);
        CLOSE.add(http::close);
        return new Target(name, client, new ControlPlane(http), agentId, conversationId, deviceId, key,
                freshAgents);
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
            op.call().run(new Target("capture", client, null, id, null, null, "sk-capture", () -> id));
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
