package ai.letta.code.testkit.fake;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.exception.SessionClosedException;
import ai.letta.code.api.exception.TransportLostException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.model.Models;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.EmbeddingModel;
import ai.letta.code.spi.SessionPort;
import ai.letta.code.spi.Transport;
import ai.letta.code.testkit.fake.SentCommand.Kind;
import ai.letta.code.testkit.script.Responder;
import ai.letta.code.testkit.script.ScriptQueue;
import ai.letta.code.testkit.script.TurnScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;

/**
 * An in-memory, scriptable {@link Transport}: every port without a process or a socket, for fast engine tests and
 * fault injection. What it imitates is the Letta Code CLI / app server: agents with memory blocks and a default
 * conversation, a model catalog that validates updates, a queue that merges messages waiting to start, standard-mode
 * permission prompts for shell commands that write, tools run for real in the session's cwd, interrupts, and
 * transport faults.
 *
 * <pre>{@code
 * InMemoryTransport fake = new InMemoryTransport();
 * fake.enqueue(TurnScript.builder().reasoning("hm").assistant("Hel", "lo").build());
 * try (LettaCodeClient client = LettaCode.create(fake)) {
 *     System.out.println(client.prompt("hi").result());
 * }
 * fake.failNextTurn(new Fault.DropAfter(1));
 * assertThat(fake.sent(SentCommand.Kind.SEND)).hasSize(1);
 * }</pre>
 *
 * <p>The model is scripted with {@link TurnScript}s (FIFO, then the {@link Responder}, by default
 * {@link Responder#deterministic()}), the same vocabulary the real peers' fakes render. Each session has a peer
 * thread that plays turns and a reader thread that makes every sink call, never the caller's thread. Everything the
 * engine sends is recorded ({@link #sent()}), as is every model request ({@link #modelCalls()}). Thread-safe.
 * Closing it closes its sessions and deletes the working directory it created.
 */
public final class InMemoryTransport implements Transport {

    private final InMemoryTransportBuilder.Options options;
    private final InMemoryModels catalog = new InMemoryModels();
    private final InMemoryConversations conversations = new InMemoryConversations();
    private final InMemoryAgents agents = new InMemoryAgents(conversations, catalog);
    private final InMemoryBlocks blocks = new InMemoryBlocks(agents, this::kind);
    private final InMemorySessions sessions = new InMemorySessions(this);
    private final ScriptQueue scripts;
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final Journal journal = new Journal();
    private final Set<InMemoryChannel> channels = ConcurrentHashMap.newKeySet();
    private volatile RawCommandHandler rawCommandHandler;
    private volatile Path createdWorkDir;
    private volatile boolean closed;

    /** A fake with every feature on. */
    public InMemoryTransport() {
        this(new InMemoryTransportBuilder());
    }

    InMemoryTransport(InMemoryTransportBuilder builder) {
        this.options = builder.options();
        conversations.backend(options.kind());
        this.scripts = new ScriptQueue(builder.responder());
        this.rawCommandHandler = builder.rawCommandHandler();
    }

    /** @return a builder; the defaults turn every feature on */
    public static InMemoryTransportBuilder builder() {
        return new InMemoryTransportBuilder();
    }

    // ---- scripting ----

    /**
     * Scripts the next turn of any conversation (FIFO).
     *
     * @param script the script
     */
    public void enqueue(TurnScript script) {
        scripts.enqueue(script);
    }

    /**
     * Scripts the next turn of one conversation; it goes before scripts for any conversation.
     *
     * @param conversationId the conversation
     * @param script the script
     */
    public void enqueue(String conversationId, TurnScript script) {
        scripts.enqueue(conversationId, script);
    }

    /**
     * Replaces the responder that answers unscripted turns.
     *
     * @param responder the new responder
     */
    public void responder(Responder responder) {
        scripts.responder(responder);
    }

    /**
     * Replaces the handler that answers raw commands.
     *
     * @param handler the new handler
     */
    public void rawCommandHandler(RawCommandHandler handler) {
        this.rawCommandHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Plays {@code fault} on the next turn that starts, in any session (FIFO).
     *
     * @param fault the fault
     */
    public void failNextTurn(Fault fault) {
        faults.addLast(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Kills the peer of a session now, like {@code kill -9} of its CLI: the sink gets
     * {@code onClosed(TransportLostException)} with exit code 137, mid-turn or idle.
     *
     * @param conversationId the session's conversation
     * @return whether an open session was found
     */
    public boolean kill(String conversationId) {
        Optional<InMemoryChannel> channel = channels.stream()
                .filter(c -> c.conversationId().equals(conversationId)).findFirst();
        channel.ifPresent(c -> c.die(new TransportLostException("the in-memory peer was killed (exit code 137)",
                137, "Killed", null)));
        return channel.isPresent();
    }

    // ---- observation ----

    /** @return everything the engine sent, oldest first */
    public List<SentCommand> sent() {
        return journal.sent();
    }

    /**
     * @param kind the kind
     * @return what the engine sent of one kind, oldest first
     */
    public List<SentCommand> sent(Kind kind) {
        return journal.sent().stream().filter(c -> c.kind() == kind).toList();
    }

    /** @return every request the scripted model received, oldest first */
    public List<ModelCall> modelCalls() {
        return journal.modelCalls();
    }

    /**
     * @param conversationId the conversation
     * @return every event delivered to the engine for a conversation, oldest first
     */
    public List<SessionEvent> delivered(String conversationId) {
        return journal.delivered(conversationId);
    }

    /**
     * @param agentId the agent
     * @return the agent's dreaming settings, if a session set them
     */
    public Optional<Dreaming> dreaming(String agentId) {
        return Optional.ofNullable(agents.dreaming(agentId));
    }

    /** @return the conversations with an open session */
    public Set<String> openConversations() {
        Set<String> open = new TreeSet<>();
        channels.forEach(c -> open.add(c.conversationId()));
        return open;
    }

    /** @return the model handle agents get by default ({@code fake/model-a}) */
    public static String defaultModel() {
        return InMemoryModels.DEFAULT_MODEL;
    }

    /** @return the other model of the catalog ({@code fake/model-b}) */
    public static String alternateModel() {
        return InMemoryModels.ALTERNATE_MODEL;
    }

    // ---- ports ----

    @Override
    public BackendKind kind() {
        return options.kind();
    }

    @Override
    public Agents agents() {
        return agents;
    }

    @Override
    public Conversations conversations() {
        return conversations;
    }

    @Override
    public Blocks blocks() {
        return blocks;
    }

    @Override
    public Models models() {
        return new Models() {
            @Override
            public ModelCatalog list() {
                require(options.models(), "models().list");
                return catalog.list();
            }

            @Override
            public List<EmbeddingModel> embeddingModels() {
                return catalog.embeddingModels();
            }
        };
    }

    @Override
    public SessionPort sessions() {
        return sessions;
    }

    @Override
    public void close() {
        closed = true;
        List.copyOf(channels).forEach(InMemoryChannel::close);
        Path dir = createdWorkDir;
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temp dir
            }
        }
    }

    // ---- for the package ----

    InMemoryTransportBuilder.Options options() {
        return options;
    }

    InMemoryModels catalog() {
        return catalog;
    }

    InMemoryAgents agentStore() {
        return agents;
    }

    InMemoryConversations conversationStore() {
        return conversations;
    }

    ScriptQueue scripts() {
        return scripts;
    }

    RawCommandHandler rawCommandHandler() {
        return rawCommandHandler;
    }

    Fault takeFault() {
        return faults.pollFirst();
    }

    Journal journal() {
        return journal;
    }

    InMemoryChannel register(InMemoryChannel channel) {
        channels.add(channel);
        return channel;
    }

    void forget(InMemoryChannel channel) {
        channels.remove(channel);
    }

    void ensureOpen() {
        if (closed) {
            throw new SessionClosedException("the in-memory transport is closed");
        }
    }

    void require(boolean supported, String feature) {
        if (!supported) {
            throw new UnsupportedFeatureException(feature, options.kind(),
                    EnumSet.complementOf(EnumSet.of(options.kind())));
        }
    }

    Path defaultWorkDir() {
        Path dir = options.workDir();
        if (dir != null) {
            return dir;
        }
        synchronized (this) {
            if (createdWorkDir == null) {
                try {
                    createdWorkDir = Files.createTempDirectory("in-memory-transport-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return createdWorkDir;
        }
    }
}
