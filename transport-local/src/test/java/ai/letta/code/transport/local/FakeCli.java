package ai.letta.code.transport.local;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.backend.LocalMode;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.sink.RecordingSink;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/** A {@link LocalTransport} over {@code fake-letta.js} run by the pinned Node: fault injection at node speed. */
public final class FakeCli {

    private FakeCli() {}

    static Path script() {
        try {
            return Path.of(FakeCli.class.getResource("/fake-cli/fake-letta.js").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LocalOptions.Builder options(String mode) {
        return LocalOptions.builder()
                .mode(LocalMode.STDIO)
                .nodePath(PeerInstall.locate().node())
                .cliPath(script())
                .env("FAKE_MODE", mode)
                .startupTimeout(Duration.ofSeconds(10))
                .closeGracePeriod(Duration.ofSeconds(2));
    }

    static LocalTransport transport(String mode) {
        return new LocalTransport(options(mode).build());
    }

    static SessionChannel open(LocalTransport transport, RecordingSink sink) {
        return transport.sessions().open(SessionTarget.newConversation(null), SessionOptions.defaults(), sink);
    }
}
