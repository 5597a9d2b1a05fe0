package ai.letta.code.transport.local;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.sink.RecordingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real pinned CLI on its own local backend ({@code --backend local -m openai-compatible/fake-model}) with a
 * provider record pointing at a {@link FakeModelEndpoint} (offline-peers.md §4.2), in a fresh {@code HOME} and work
 * directory. Closing it stops the endpoint and deletes both directories.
 */
final class LocalBackendPeer implements AutoCloseable {

    static final String MODEL = "openai-compatible/fake-model";

    final FakeModelEndpoint model;
    final Path home;
    final Path work;
    final LocalTransport transport;

    LocalBackendPeer(FakeModelEndpoint.Builder endpoint) {
        try {
            this.model = endpoint.start();
            this.home = Files.createTempDirectory("letta-home-");
            this.work = Files.createTempDirectory("letta-work-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "x");
        this.transport = new LocalTransport(options().build());
    }

    LocalBackendPeer() {
        this(FakeModelEndpoint.builder());
    }

    LocalOptions.Builder options() {
        PeerInstall install = PeerInstall.locate();
        return LocalOptions.builder().mode(LocalMode.STDIO).nodePath(install.node()).cliPath(install.cli())
                .cliBackend(CliBackend.localModels())
                .env("HOME", home.toString())
                .env("LETTA_CODE_TELEM", "0")
                .workingDirectory(work)
                .startupTimeout(Duration.ofSeconds(30))
                .closeGracePeriod(Duration.ofSeconds(3));
    }

    SessionOptions.Builder session() {
        return SessionOptions.builder().model(MODEL).permissionMode(PermissionMode.DEFAULT).cwd(work);
    }

    SessionChannel open(RecordingSink sink) {
        return transport.sessions().open(SessionTarget.newConversation(null), session().build(), sink);
    }

    @Override
    public void close() {
        model.close();
        delete(home);
        delete(work);
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temp directory left behind is not a test failure.
        }
    }
}
