package ai.letta.code.transport.remote.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fake.InMemoryTransport;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link ManySessions} example on the testkit's in-memory fake: fifty sessions at once on one client, each
 * answered with its own question, on virtual threads when the JVM has them (Java 21+, the Java 25 CI run).
 */
@Timeout(60)
class ManySessionsTest {

    @Test
    void fiftySessionsAtOnceEachGetTheirOwnAnswer() throws Exception {
        List<String> questions = IntStream.rangeClosed(1, 50).mapToObj(i -> "question " + i)
                .collect(Collectors.toList());
        ExecutorService executor = ManySessions.executor();
        try (LettaCodeClient client = LettaCode.create(InMemoryTransport.builder()
                .responder(request -> TurnScript.text("answer to " + request.userText())).build())) {
            String agentId = client.createAgent(AgentOptions.builder().build());

            List<String> answers = ManySessions.askAll(client, agentId, questions, executor, Duration.ofSeconds(30));

            assertThat(answers).containsExactlyElementsOf(questions.stream().map(q -> "answer to " + q)
                    .collect(Collectors.toList()));
        } finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theExecutorRunsVirtualThreadsOnJava21AndLater() throws Exception {
        ExecutorService executor = ManySessions.executor();
        try {
            String thread = executor.submit(() -> Thread.currentThread().toString()).get(10, TimeUnit.SECONDS);

            // Thread.isVirtual() is Java 21 API; a virtual thread's toString() starts with "VirtualThread".
            assertThat(thread.startsWith("VirtualThread")).isEqualTo(Runtime.version().feature() >= 21);
        } finally {
            executor.shutdownNow();
        }
    }
}
