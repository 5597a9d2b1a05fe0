package ai.letta.code.testkit.fake;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.contract.ContractFeature;
import ai.letta.code.testkit.contract.ContractPeer;
import ai.letta.code.testkit.script.TurnScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link InMemoryTransport} as a {@link ContractPeer}: the engine ({@code LettaCode.create(transport)}) over the
 * fake, a fresh temp work dir, and the features the fake was built with. Closing it closes the client and deletes
 * the work dir.
 */
public final class InMemoryContractPeer implements ContractPeer {

    private final Path workDir;
    private final InMemoryTransport transport;
    private final LettaCodeClient client;
    private final Set<ContractFeature> features;

    /** A peer over a fake with every feature. */
    public InMemoryContractPeer() {
        this(InMemoryTransport.builder());
    }

    /** @param builder the fake's settings (its work dir is replaced by the peer's) */
    public InMemoryContractPeer(InMemoryTransportBuilder builder) {
        try {
            workDir = Files.createTempDirectory("contract-peer-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transport = builder.workDir(workDir).build();
        InMemoryTransportBuilder.Options options = transport.options();
        features = EnumSet.of(ContractFeature.OBSERVES_MODEL_REQUESTS, ContractFeature.SLOW_TURNS,
                ContractFeature.SYSTEM_PROMPT_PRESETS, ContractFeature.RESOURCES, ContractFeature.DEFAULT_AGENT);
        if (options.models()) {
            features.add(ContractFeature.MODELS);
        }
        if (options.rawCommands()) {
            features.add(ContractFeature.RAW_COMMANDS);
        }
        if (options.dreaming()) {
            features.add(ContractFeature.DREAMING);
        }
        if (options.runTools()) {
            features.add(ContractFeature.RUNS_TOOLS);
        }
        client = LettaCode.create(transport);
    }

    /** @return the fake, for fake-specific scripting and assertions */
    public InMemoryTransport transport() {
        return transport;
    }

    @Override
    public LettaCodeClient client() {
        return client;
    }

    @Override
    public void enqueue(TurnScript script) {
        transport.enqueue(script);
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public List<ModelRequest> modelRequests() {
        return transport.modelCalls().stream()
                .map(call -> new ModelRequest(call.model(), call.systemPrompt(), call.userText())).toList();
    }

    @Override
    public void killPeer(Session session) {
        transport.kill(session.conversationId());
    }

    @Override
    public Set<ContractFeature> features() {
        return Set.copyOf(features);
    }

    @Override
    public String alternateModel() {
        return InMemoryTransport.alternateModel();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            transport.close();
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temp dir
            }
        }
    }
}
