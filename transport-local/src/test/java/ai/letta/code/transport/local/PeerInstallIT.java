package ai.letta.code.transport.local;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.PromptResult;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.peer.NoLeftoverProcesses;
import ai.letta.code.transport.local.install.PeerCache;
import ai.letta.code.transport.local.process.CliLocator;
import ai.letta.code.transport.local.process.ProcessLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer for users, for real: the machine's own {@code npm} installs the pinned Node and CLI into an empty
 * cache folder on first use ({@link LocalOptions.Builder#installPeers()}), the locator then finds them with no path
 * named and no {@code LETTA_CLI_PATH}, and a one-shot prompt runs on that install against a scripted model.
 * Needs {@code npm} on {@code PATH} reaching its registry (npm's own cache makes a second run fast).
 */
@ExtendWith(NoLeftoverProcesses.class)
@Timeout(600)
class PeerInstallIT {

    @TempDir
    Path dir;

    @Test
    void installPeersInstallsOnFirstUseAndAPromptRunsOnTheCachedInstall() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        PeerCache cache = PeerCache.at(dir.resolve("cache")).withProgress(progress::add);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove(CliLocator.CLI_PATH_ENV);
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = Files.createDirectories(dir.resolve("work"));

        try (FakeModelEndpoint model = FakeModelEndpoint.builder().start()) {
            LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "x");
            LocalOptions options = LocalOptions.builder().installPeers().cliBackend(CliBackend.localModels())
                    .env("HOME", home.toString()).env("LETTA_CODE_TELEM", "0").workingDirectory(work)
                    .startupTimeout(Duration.ofSeconds(60)).build();
            CliLocator locator = new CliLocator(env::get, cache);

            long start = System.nanoTime();
            CliLocator.CliInstallation found = locator.locate(options);
            System.out.printf("PeerInstallIT: installed in %.1f s%n%s%n", (System.nanoTime() - start) / 1e9,
                    String.join("\n", progress));

            assertThat(cache.installed()).isPresent();
            assertThat(found.cli()).isEqualTo(cache.installed().get().cli()).startsWith(cache.directory());
            assertThat(found.node()).isEqualTo(cache.installed().get().node());
            assertThat(found.nodeVersion().toString()).isEqualTo(PeerCache.pinnedNodeVersion());
            assertThat(progress).anyMatch(l -> l.startsWith("  Letta Code CLI " + PeerCache.pinnedCliVersion()
                    + ": done in "));

            LocalTransport transport = new LocalTransport(options, locator, env, work, ProcessLauncher.commonsExec());
            assertThat(transport.launch().programs()).contains(found.node().toString(), found.cli().toString());
            try (LettaCodeClient client = LettaCode.create(transport)) {
                String agentId = client.createAgent(AgentOptions.builder().build());
                PromptResult result = client.prompt("ping", agentId, SessionOptions.builder()
                        .model(LocalBackendPeer.MODEL).permissionMode(PermissionMode.DEFAULT).cwd(work).build());
                assertThat(result.success()).isTrue();
            }
            assertThat(model.turns()).isNotEmpty();
        }
    }
}
