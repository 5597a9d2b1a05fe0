package ai.letta.code.transport.remote;

import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.AppServerProcess;
import ai.letta.code.testkit.peer.PeerBackend;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One real app server (local backend) and its scripted model, shared by the tests of one class: a server start
 * costs about 1.5 s, and tests stay isolated by using fresh agents, conversations and work dirs, and by clearing
 * the script queue between them. The model serves {@value #MODEL_ID} (the first, so agents created without a model
 * get it: the local backend's {@code local/default} resolves to the provider's first model) and
 * {@value #ALTERNATE_ID}; a stalled stream ends after {@link #STALL_LIMIT}. A test that kills the server gets it back, same port and {@code HOME}, on the next
 * {@link #server()}. Thread-safe.
 */
final class SharedAppServer implements AutoCloseable {

    /** The model id every agent runs on. */
    static final String MODEL_ID = "fake-model";
    /** A second model, for model switches. */
    static final String ALTERNATE_ID = "fake-model-2";
    /**
     * How long a stalled model stream stays silent before the model closes it, as an idle provider would. The app
     * server ends an aborted turn only once its provider stream yields or ends (verified: {@code aborted:true}, then
     * nothing until then, and every later input of the conversation waits), so without a limit a scenario that
     * aborts a stalled turn could never send again. Longer than any scenario needs the stall to hold.
     */
    static final Duration STALL_LIMIT = Duration.ofSeconds(3);

    private final ReentrantLock lock = new ReentrantLock();
    private FakeModelEndpoint model;
    private AppServerProcess server;

    /** @return the scripted model, started on first use */
    FakeModelEndpoint model() {
        lock.lock();
        try {
            if (model == null) {
                model = FakeModelEndpoint.builder().model(MODEL_ID).model(ALTERNATE_ID).stallLimit(STALL_LIMIT)
                        .start();
            }
            return model;
        } finally {
            lock.unlock();
        }
    }

    /** @return the running server, started on first use and restarted (same port and HOME) after a kill */
    AppServerProcess server() {
        FakeModelEndpoint endpoint = model();
        lock.lock();
        try {
            if (server == null) {
                server = AppServerProcess.builder().backend(PeerBackend.lmStudio(endpoint.baseUrl())).start();
            } else if (!server.isAlive()) {
                server.restart();
            }
            return server;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the server and the model. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (server != null) {
                server.close();
                server = null;
            }
            if (model != null) {
                model.close();
                model = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
