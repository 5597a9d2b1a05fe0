package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.api.port.SessionChannel;
import ai.letta.code.api.port.SessionTarget;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.testkit.peer.PeerInstall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real CLI in API mode against {@link FakeLettaApi}: base URL and key passed explicitly, never inherited. */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(120)
class ApiModeSessionIT {

    private static final Duration TURN = Duration.ofSeconds(30);

    @Test
    void aPlainTurnAndAnApprovedToolRunInApiMode() throws Exception {
        Path home = Files.createTempDirectory("letta-home-");
        Path work = Files.createTempDirectory("letta-work-");
        try (FakeLettaApi api = FakeLettaApi.start()) {
            PeerInstall install = PeerInstall.locate();
            LocalTransport transport = new LocalTransport(LocalOptions.builder().nodePath(install.node())
                    .cliPath(install.cli()).cliBackend(CliBackend.lettaApi(api.baseUrl(), "test-key"))
                    .env("HOME", home.toString()).env("LETTA_CODE_TELEM", "0")
                    // memfs and reflection call endpoints the fake does not serve (local-stdio.md §5.4 (f)).
                    .extraArgs(List.of("--no-memfs", "--reflection-trigger", "off"))
                    .startupTimeout(Duration.ofSeconds(30)).build());
            RecordingSink sink = new RecordingSink();
            try (SessionChannel channel = transport.sessions().open(SessionTarget.newConversation(null),
                    SessionOptions.builder().cwd(work).permissionMode(PermissionMode.DEFAULT).build(), sink)) {
                assertThat(channel.conversationId()).startsWith("conv-");
                channel.send("c1", UserMessage.text("ping"));
                Result plain = sink.result(TURN);
                assertThat(plain.success()).isTrue();
                assertThat(sink.all(AssistantMessage.class)).extracting(AssistantMessage::content).contains("pong");

                channel.send("c2", UserMessage.text("please use a tool"));
                channel.answer(sink.permission(TURN), PermissionDecision.allow());
                Result tool = sink.result(TURN);
                assertThat(tool.success()).isTrue();
                assertThat(tool.text()).isEqualTo("tool said: deterministic-tool-ok");
                assertThat(Files.exists(work.resolve("approved.txt"))).isTrue();
            }
            assertThat(api.requests()).anySatisfy(r -> assertThat(r.header("Authorization"))
                    .hasValue("Bearer test-key"));
        } finally {
            LocalBackendPeer.delete(home);
            LocalBackendPeer.delete(work);
        }
    }
}
