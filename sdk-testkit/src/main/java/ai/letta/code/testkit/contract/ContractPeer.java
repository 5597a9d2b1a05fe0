package ai.letta.code.testkit.contract;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.testkit.script.ScriptedServer;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One transport's real peer (or the in-memory fake), set up for the contract suite: a client wired to it, and the
 * means to script what the model does and to observe what it received. One instance per test; closing it stops
 * every process and socket it started.
 */
public interface ContractPeer extends AutoCloseable {

    /** @return a client wired to this peer; the peer closes it */
    LettaCodeClient client();

    /**
     * Scripts the model's next turn, in any conversation (FIFO). Unscripted turns get the deterministic responder:
     * text containing "tool" makes a shell call, anything else answers "pong".
     *
     * @param script what the model does
     */
    void enqueue(TurnScript script);

    /** @return the directory sessions use as {@code cwd}; tools the peer runs for real run there */
    Path workDir();

    /**
     * @return what the model received so far, oldest first (empty if this peer cannot observe it; then
     *     {@link ContractFeature#OBSERVES_MODEL_REQUESTS} is absent)
     */
    List<ModelRequest> modelRequests();

    /**
     * Ends the session's peer abruptly (kill -9 the CLI, drop the socket), for the failure scenarios.
     *
     * @param session an open session of {@link #client()}
     */
    void killPeer(Session session);

    /** @return what this peer can do; scenarios that need more check that the SDK says so with a typed error */
    Set<ContractFeature> features();

    /** @return a model handle the peer offers besides the agents' default, for model-switch scenarios */
    String alternateModel();

    /**
     * A raw command this peer answers, for the raw-command scenarios (only used with
     * {@link ContractFeature#RAW_COMMANDS}). The default is the app server's {@code app_server_info}, answered by
     * {@code app_server_info_response}; a peer whose raw protocol differs overrides it.
     *
     * @return the command and the type of its answer
     */
    default RawCommandProbe rawCommandProbe() {
        return new RawCommandProbe(Map.of("type", "app_server_info"), "app_server_info_response");
    }

    /**
     * How many times the peer calls the model for one turn whose model call keeps failing with an {@code llm_error}:
     * one plus its retries. The default is one (no retries); Letta Code's app server in API mode retries such an
     * error three times, 1, 2 and 4 s apart (CLI 0.32.18). The failure scenario scripts that many failures, so the
     * turn really fails, and checks each retry is reported.
     *
     * @return at least 1
     */
    default int modelCallAttempts() {
        return 1;
    }

    /**
     * @return a new client made as {@link #client()} was ({@code LettaCode.create} with the same options), which the
     *     caller closes; empty if this peer has only the one (the in-memory fake, whose client owns its transport)
     */
    default Optional<LettaCodeClient> newClient() {
        return Optional.empty();
    }

    /**
     * @param process a descendant of this JVM
     * @return whether the peer itself runs it (a fake cloud's sandbox listener, which real Cloud runs on its own
     *     machines): not the SDK's, so the fault matrix does not count it as left behind
     */
    default boolean ownsProcess(ProcessHandle process) {
        return false;
    }

    /**
     * @return the secret values this peer's client was configured with (API keys, tokens); the fault matrix checks
     *     that none reaches a log record, an event, a result or an exception
     */
    default List<String> secrets() {
        return List.of();
    }

    /** Stops everything this peer started. */
    @Override
    void close();

    /**
     * One model request, as the scripted model saw it.
     *
     * @param model the model id requested (e.g. {@code fake-model}), or {@code null}
     * @param systemPrompt the system prompt text, or {@code null}
     * @param userText the last user text (reminder parts skipped), or {@code null}
     */
    record ModelRequest(String model, String systemPrompt, String userText) {

        /**
         * @param fake the scripted model or Letta API a peer runs on
         * @param first how many of its turn requests came before this peer's (a fake shared between tests)
         * @return the fake's turn requests from {@code first} on, oldest first
         */
        public static List<ModelRequest> since(ScriptedServer fake, int first) {
            List<TurnRequest> turns = fake.turns();
            List<ModelRequest> requests = new ArrayList<>();
            for (TurnRequest turn : turns.subList(Math.min(first, turns.size()), turns.size())) {
                requests.add(new ModelRequest(turn.model(), fake.systemPromptOf(turn).orElse(null),
                        turn.userText().isEmpty() ? null : turn.userText()));
            }
            return requests;
        }
    }

    /**
     * A raw command the peer answers, and the {@code type} of the answer.
     *
     * @param command the command, without {@code request_id} (the SDK adds one)
     * @param responseType the answer's {@code type}
     */
    record RawCommandProbe(Map<String, Object> command, String responseType) {
        /**
         * Validates and copies.
         *
         * @param command the command, without {@code request_id} (the SDK adds one)
         * @param responseType the answer's {@code type}
         */
        public RawCommandProbe {
            command = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(command)));
            Objects.requireNonNull(responseType, "responseType");
        }
    }
}
