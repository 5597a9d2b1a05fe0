package ai.letta.code.transport.remote.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's embedding examples on the real app server (its local backend, a model scripted by
 * {@link FakeModelEndpoint} that answers each question with its own text): the Guice route and many sessions at once.
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(180)
class EmbeddingExamplesIT {

    private static final String MODEL = "lmstudio/fake-model";
    static FakeModelEndpoint model;
    static AppServerProcess server;

    @BeforeAll
    static void start() {
        model = FakeModelEndpoint.start();
        model.responder(request -> TurnScript.text("answer to " + request.userText()));
        server = AppServerProcess.builder().backend(PeerBackend.lmStudio(model.baseUrl())).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (model != null) {
            model.close();
        }
    }

    private static RemoteOptions options() {
        return RemoteOptions.builder().url(server.wsUri()).requestTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theGuiceRouteInjectsAWorkingClient() {
        try (GuiceEmbedding.Assistant assistant = GuiceEmbedding.injector(options())
                .getInstance(GuiceEmbedding.Assistant.class)) {
            String agentId = assistant.newAgent(MODEL);

            assertThat(assistant.ask(agentId, "What is a memory block?")).isEqualTo("answer to What is a memory block?");
        }
    }

    @Test
    void fourSessionsAtOnceOnOneSocket() throws Exception {
        List<String> questions = List.of("one", "two", "three", "four");
        ExecutorService executor = ManySessions.executor();
        try (LettaCodeClient client = LettaCode.create(options())) {
            String agentId = client.createAgent(AgentOptions.builder().model(MODEL).build());

            assertThat(ManySessions.askAll(client, agentId, questions, executor, Duration.ofSeconds(60)))
                    .containsExactly("answer to one", "answer to two", "answer to three", "answer to four");
        } finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
