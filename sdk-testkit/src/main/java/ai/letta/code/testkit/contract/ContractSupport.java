package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.testkit.script.TurnRequest;
import ai.letta.code.testkit.script.TurnScript;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract suite shares: one {@link ContractPeer} per test (created before, closed after, whatever
 * happens), overridable timeouts, and helpers that script turns the way every real peer can play them.
 *
 * <p>Timing rules: no sleep is ever an assertion; every wait is bounded by {@link #turnTimeout()} (generous, since
 * real peers start processes) and fails with a message naming what did not happen.
 */
public abstract class ContractSupport {

    /** For the contracts, which a transport's test subclasses. */
    public ContractSupport() {}

    /** The peer of the running test. */
    protected ContractPeer peer;
    /** {@link ContractPeer#client()} of the running test. */
    protected LettaCodeClient client;
    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();

    /** @return where this suite's peers come from, and its timeouts */
    protected abstract ContractSetup setup();

    /** @return {@link ContractSetup#turnTimeout()} */
    protected final Duration turnTimeout() {
        return setup().turnTimeout();
    }

    /** @return {@link ContractSetup#idleTimeout()} */
    protected final Duration idleTimeout() {
        return setup().idleTimeout();
    }

    /** @return {@link ContractSetup#unansweredCommandTimeout()} */
    protected final Duration unansweredCommandTimeout() {
        return setup().unansweredCommandTimeout();
    }

    /** Creates the test's peer and client. */
    @BeforeEach
    protected final void startPeer() {
        peer = setup().createPeer();
        client = peer.client();
    }

    /**
     * Closes what the test registered with {@link #closeLater}, then the peer, whatever happened.
     *
     * @throws Exception the first failure of closing; later ones are added as suppressed
     */
    @AfterEach
    protected final void stopPeer() throws Exception {
        try {
            while (!cleanup.isEmpty()) {
                try {
                    cleanup.pop().close();
                } catch (RuntimeException e) {
                    // a scenario may already have closed it, or killed its peer
                }
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
    }

    // ---- features ----

    /**
     * @param feature the feature
     * @return whether the peer has {@code feature}
     */
    protected final boolean has(ContractFeature feature) {
        return peer.features().contains(feature);
    }

    /**
     * Skips the scenario, naming the feature, when the peer lacks it.
     *
     * @param feature the feature the scenario needs
     */
    protected final void assumeFeature(ContractFeature feature) {
        Assumptions.assumeTrue(has(feature), () -> "the peer lacks " + feature + "; scenario skipped");
    }

    // ---- agents and sessions ----

    /** @return a new agent with a persona */
    protected final String newAgent() {
        return client.createAgent(AgentOptions.builder().persona("You are a contract-test agent.").build());
    }

    /** @return default-mode options in the peer's work dir, with no callback */
    protected final SessionOptions.Builder options() {
        return SessionOptions.builder().cwd(peer.workDir()).permissionMode(PermissionMode.DEFAULT);
    }

    /**
     * Registers {@code resource} to be closed after the test (before the peer), and returns it.
     *
     * @param <T> the resource's type
     * @param resource what to close
     * @return {@code resource}
     */
    protected final <T extends AutoCloseable> T closeLater(T resource) {
        cleanup.push(resource);
        return resource;
    }

    /**
     * @param agentId the agent
     * @param options the session options
     * @return a session on a new conversation of {@code agentId}, closed after the test
     */
    protected final Session open(String agentId, SessionOptions options) {
        return closeLater(client.createSession(agentId, options));
    }

    /** @return a session on a new conversation of a new agent, default options */
    protected final Session openSession() {
        return open(newAgent(), options().build());
    }

    /**
     * @param session the session
     * @return a recorder of the session's next stream, bounded by {@link #turnTimeout()}
     */
    protected final EventRecorder record(Session session) {
        return closeLater(EventRecorder.record(session.stream(), turnTimeout()));
    }

    /**
     * Sends {@code text} and returns the whole stream (it must end within the timeout).
     *
     * @param session the session
     * @param text the user message
     * @return the events of the turn, ending with its {@link Result}
     */
    protected final List<SessionEvent> turn(Session session, String text) {
        session.send(text);
        return record(session).awaitEnd();
    }

    /**
     * Scripts {@code answer}, sends {@code text}, and checks the turn succeeded with that answer.
     *
     * @param session the session
     * @param text the user message
     * @param answer the scripted assistant text
     * @return the events of the turn
     */
    protected final List<SessionEvent> scriptedTurn(Session session, String text, String answer) {
        peer.enqueue(TurnScript.text(answer));
        List<SessionEvent> events = turn(session, text);
        Result result = last(events);
        assertThat(result.success()).as("result of %s: %s", text, result).isTrue();
        assertThat(result.result()).contains(answer);
        return events;
    }

    // ---- scripts ----

    /**
     * A turn that runs {@code command} with the Bash tool, then answers {@code tool said: <first output line>}.
     * A command that writes makes every real peer ask for permission in default mode.
     *
     * @param command the shell command
     * @return the script
     */
    protected static TurnScript shellTurn(String command) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("command", command);
        arguments.put("description", "contract test command");
        return TurnScript.builder().reasoning("I will run a shell command.").toolCall("Bash", arguments)
                .assistantFrom(ContractSupport::echoToolResult).build();
    }

    private static String echoToolResult(TurnRequest request) {
        return "tool said: " + request.toolResult().map(TurnRequest.ToolResult::firstLine).orElse("(no result)");
    }

    // ---- event helpers ----

    /**
     * @param <T> the event type
     * @param events the events
     * @param type the event type
     * @return the events of one type, in order
     */
    protected static <T extends SessionEvent> List<T> ofType(List<SessionEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * @param events the events
     * @param type the event type
     * @return the index of the first event of {@code type}, or -1
     */
    protected static int indexOf(List<SessionEvent> events, Class<? extends SessionEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param events the events of a turn
     * @return the last event, which must be a {@link Result}
     */
    protected static Result last(List<SessionEvent> events) {
        assertThat(events).as("events of the turn").isNotEmpty();
        assertThat(events.get(events.size() - 1)).as("the last event of %s", events).isInstanceOf(Result.class);
        return (Result) events.get(events.size() - 1);
    }

    /** @return the last model request the peer observed, if it observes them */
    protected final Optional<ContractPeer.ModelRequest> lastModelRequest() {
        List<ContractPeer.ModelRequest> requests = peer.modelRequests();
        return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
    }

    /**
     * @param requested the model id a request named
     * @param handle the expected {@code provider/model} handle
     * @return whether a requested model id names {@code handle} (peers may send the id without the provider)
     */
    protected static boolean sameModel(String requested, String handle) {
        if (requested == null) {
            return false;
        }
        String bareHandle = handle.substring(handle.indexOf('/') + 1);
        String bareRequested = requested.substring(requested.indexOf('/') + 1);
        return requested.equals(handle) || bareRequested.equals(bareHandle);
    }

    // ---- bounded waits ----

    /**
     * Runs {@code action} on another thread and fails if it does not return within {@link #turnTimeout()}.
     *
     * @param <T> the action's result type
     * @param what what the action does, for the failure message
     * @param action the action
     * @return the action's result
     */
    protected final <T> T within(String what, Callable<T> action) {
        return boundedCall(what, turnTimeout(), action);
    }

    /** Runs {@code action} on another thread and fails if it does not return within {@code bound}. */
    static <T> T boundedCall(String what, Duration bound, Callable<T> action) {
        FutureTask<T> task = new FutureTask<>(action);
        Thread thread = new Thread(task, "contract-" + what.replaceAll("\\W+", "-"));
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within " + bound, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /**
     * Runs {@code action} on another thread and fails if it does not return within {@link #turnTimeout()}.
     *
     * @param what what the action does, for the failure message
     * @param action the action
     */
    protected final void within(String what, Runnable action) {
        within(what, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Polls {@code condition} until it holds; fails after {@link #turnTimeout()} (a bounded wait, not a sleep).
     *
     * @param what what is awaited, for the failure message
     * @param condition the condition
     */
    protected final void awaitCondition(String what, BooleanSupplier condition) {
        TurnChecks.awaitCondition(what, condition, turnTimeout());
    }
}
