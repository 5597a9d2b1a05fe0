package ai.letta.code.transport.remote;

import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.fault.ApiFailures;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.PeerBackend;
import ai.letta.code.testkit.peer.ProcessLeakCheck;
import ai.letta.code.testkit.script.ScriptedServer;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real app server and its scripted fake, shared by the tests of one class: a server start costs about 1.5 s,
 * and tests stay isolated by using fresh agents, conversations and work dirs, and by clearing the script queue
 * between them. Two setups (offline-peers.md §4 and §5): {@link #onLocalBackend()}, the server's own local
 * backend with {@code lmstudio/*} models served by a {@link FakeModelEndpoint}, and {@link #inApiMode()}, the
 * server's default API mode against a {@link FakeLettaApi}. A test that kills the server gets it back, same port
 * and {@code HOME}, on the next {@link #server()}. Thread-safe.
 *
 * <p>Registered on a test class ({@code @RegisterExtension static final SharedAppServer<?> SHARED = ...}), it closes
 * itself after the class and then checks that no process started during the class outlives it. Its
 * {@code @Nested} suites share it: they neither close it nor count it as a leak, as {@code NoLeftoverProcesses}
 * would after each of them.
 *
 * @param <F> the scripted fake behind the server
 */
final class SharedAppServer<F extends ScriptedServer> implements AutoCloseable, BeforeAllCallback,
        AfterAllCallback {

    /** The model id the local-backend fake serves first, so agents created without a model get it. */
    static final String MODEL_ID = "fake-model";
    /** A second local-backend model, for model switches. */
    static final String ALTERNATE_ID = "fake-model-2";
    /**
     * How long a stalled model stream stays silent before the model closes it, as an idle provider would. The app
     * server's local backend ends an aborted turn only once its provider stream yields or ends (verified:
     * {@code aborted:true}, then nothing until then, and every later input of the conversation waits), so without
     * a limit a scenario that aborts a stalled turn could never send again. Longer than any scenario needs the
     * stall to hold.
     */
    static final Duration STALL_LIMIT = Duration.ofSeconds(3);

    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<F> startFake;
    private final Function<F, PeerBackend> backend;
    private final String model;
    private final String alternateModel;
    private final int modelCallAttempts;
    private final ApiFailures apiFailures;
    private F fake;
    private AppServerProcess server;
    private Set<ProcessHandle> baseline = Set.of();

    private SharedAppServer(Supplier<F> startFake, Function<F, PeerBackend> backend,
            String model, String alternateModel, int modelCallAttempts, ApiFailures apiFailures) {
        this.apiFailures = apiFailures;
        this.startFake = startFake;
        this.backend = backend;
        this.model = model;
        this.alternateModel = alternateModel;
        this.modelCallAttempts = modelCallAttempts;
    }

    /** The local backend, {@code lmstudio/}{@value #MODEL_ID} and {@value #ALTERNATE_ID} on a fake model. */
    static SharedAppServer<FakeModelEndpoint> onLocalBackend() {
        return new SharedAppServer<>(
                () -> FakeModelEndpoint.builder().model(MODEL_ID).model(ALTERNATE_ID).stallLimit(STALL_LIMIT).start(),
                model -> PeerBackend.lmStudio(model.baseUrl()),
                "lmstudio/" + MODEL_ID, "lmstudio/" + ALTERNATE_ID, 1, null);
    }

    /**
     * API mode against a fake Letta API serving two {@code anthropic/*} handles (so the server picks its Bash
     * toolset). The server retries a
     * run that failed with an {@code llm_error} three times (verified: {@code retry} deltas, 1 s apart at first).
     */
    static SharedAppServer<FakeLettaApi> inApiMode() {
        ApiFailures failures = new ApiFailures();
        return new SharedAppServer<>(
                () -> FakeLettaApi.builder().model("anthropic/fake-claude").model("anthropic/fake-claude-2")
                        .front(failures).start(),
                api -> PeerBackend.api(api.baseUrl(), "test-key"),
                "anthropic/fake-claude", "anthropic/fake-claude-2", 4, failures);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!isNested(context)) {
            baseline = ProcessLeakCheck.snapshot();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!isNested(context)) {
            close();
            ProcessLeakCheck.assertNoLeftovers(baseline, Duration.ofSeconds(3), context.getDisplayName());
        }
    }

    private static boolean isNested(ExtensionContext context) {
        return context.getRequiredTestClass().isAnnotationPresent(Nested.class);
    }

    /** @return the scripted fake, started on first use */
    F fake() {
        lock.lock();
        try {
            if (fake == null) {
                fake = startFake.get();
            }
            return fake;
        } finally {
            lock.unlock();
        }
    }

    /** @return the running server, started on first use and restarted (same port and HOME) after a kill */
    AppServerProcess server() {
        F scripted = fake();
        lock.lock();
        try {
            if (server == null) {
                server = AppServerProcess.builder().backend(backend.apply(scripted)).start();
            } else if (!server.isAlive()) {
                server.restart();
            }
            return server;
        } finally {
            lock.unlock();
        }
    }

    /** @return the model handle agents get by default */
    String model() {
        return model;
    }

    /** @return a model handle the fake offers besides the agents' default */
    String alternateModel() {
        return alternateModel;
    }

    /**
     * @return the failures the server's Letta API can be made to answer with (API mode); empty on the local
     *     backend, where the server creates agents without any HTTP call
     */
    Optional<ApiFailures> apiFailures() {
        return Optional.ofNullable(apiFailures);
    }

    /** @return how often the server calls the model for a turn whose calls keep failing */
    int modelCallAttempts() {
        return modelCallAttempts;
    }

    /** Stops the server and the fake. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (server != null) {
                server.close();
                server = null;
            }
            if (fake != null) {
                fake.close();
                fake = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
