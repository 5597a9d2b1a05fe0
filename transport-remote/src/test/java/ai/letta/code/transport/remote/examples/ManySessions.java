package ai.letta.code.transport.remote.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.LettaCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Many sessions at once on one client, a task per session. A session's calls block their thread, so on Java 21+
 * the executor is {@code Executors.newVirtualThreadPerTaskExecutor()} (a blocked virtual thread costs next to
 * nothing); this class compiles on Java 17 and takes any {@link ExecutorService}. Runnable against an app server:
 * {@code LETTA_APP_SERVER_URL=http://127.0.0.1:4500 java -cp … ManySessions 20}. {@code ManySessionsTest} runs it on
 * the testkit's in-memory fake (virtual threads on 21+), {@code EmbeddingExamplesIT} on the real app server.
 */
public final class ManySessions {

    private ManySessions() {}

    /**
     * Asks each question in a session of its own (a new conversation each), all at once.
     *
     * @param client the client the sessions share (thread-safe)
     * @param agentId the agent
     * @param questions what to ask, one session each
     * @param executor runs one task per session
     * @param timeout how long to wait for each answer
     * @return the answers, in the order of the questions
     * @throws InterruptedException if interrupted while waiting
     * @throws ExecutionException if a session failed (its cause is the SDK's exception)
     * @throws TimeoutException if an answer took longer than {@code timeout}
     */
    public static List<String> askAll(LettaCodeClient client, String agentId, List<String> questions,
            ExecutorService executor, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<String>> answers = new ArrayList<>();
        for (String question : questions) {
            answers.add(executor.submit(() -> ask(client, agentId, question)));
        }
        List<String> texts = new ArrayList<>();
        for (Future<String> answer : answers) {
            texts.add(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        return texts;
    }

    private static String ask(LettaCodeClient client, String agentId, String question) {
        try (Session session = client.createSession(agentId)) {
            session.send(question);
            StringBuilder text = new StringBuilder();
            for (SessionEvent event : session.stream()) {
                if (event instanceof AssistantMessage message) {
                    text.append(message.content());
                } else if (event instanceof Result result && !result.success()) {
                    throw new IllegalStateException("the turn failed: " + result.error().orElse("?"));
                }
            }
            return text.toString();
        }
    }

    /**
     * @return a virtual thread per task on Java 21+ ({@code Executors.newVirtualThreadPerTaskExecutor()}, looked up
     *     so that this compiles on 17), else a pool of 16 platform threads
     */
    public static ExecutorService executor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newFixedThreadPool(16);
        }
    }

    /**
     * @param args how many sessions (default 10)
     * @throws Exception if a session failed
     */
    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> questions = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            questions.add("Name a prime number greater than " + (i * 10) + ".");
        }
        ExecutorService executor = executor();
        try (LettaCodeClient client = LettaCode.create(RemoteOptions.fromEnvironment(System.getenv()).build())) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            askAll(client, agentId, questions, executor, Duration.ofMinutes(5)).forEach(System.out::println);
        } finally {
            executor.shutdownNow();
        }
    }
}
