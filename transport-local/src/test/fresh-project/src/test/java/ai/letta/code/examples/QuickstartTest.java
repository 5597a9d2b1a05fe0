package ai.letta.code.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart on the CLI that InstallPeers put in the user's cache (no path given: the SDK finds it), against
 * the testkit's scripted model in a scratch HOME. Prints where the SDK came from, for the build that runs it.
 */
@Timeout(120)
class QuickstartTest {

    @TempDir
    Path dir;

    @Test
    void theQuickstartRunsOnTheInstalledCli() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path work = Files.createDirectories(dir.resolve("work"));
        System.out.println("sdk module: " + LettaCode.class.getModule());
        System.out.println("sdk jar: " + LettaCode.class.getProtectionDomain().getCodeSource().getLocation());
        try (FakeModelEndpoint model = FakeModelEndpoint.builder()
                .responder(request -> TurnScript.builder().assistant("Hello from ", "a fresh project.").build())
                .start()) {
            LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "offline");
            LocalOptions backend = LocalOptions.builder().cliBackend(CliBackend.localModels())
                    .env("HOME", home.toString()).env("LETTA_CODE_TELEM", "0").workingDirectory(work).build();
            try (LettaCodeClient client = LettaCode.create(backend)) {
                List<String> printed = Quickstart.run(client, work, "Hi, who are you?");
                printed.forEach(line -> System.out.println("quickstart: " + line));
                assertEquals(List.of("Hello from a fresh project.", "done"), printed);
            }
        }
        assertEquals(Boolean.getBoolean("expect.modular"), LettaCode.class.getModule().isNamed(),
                "on the module path: " + LettaCode.class.getModule());
    }
}
