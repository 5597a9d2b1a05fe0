package quickstart;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.event.AssistantMessage;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.api.permission.PermissionDecision;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fake.InMemoryTransport;
import ai.letta.code.testkit.fakemodel.FakeModelEndpoint;
import ai.letta.code.testkit.peer.LocalProviderRecord;
import ai.letta.code.testkit.peer.PeerInstall;
import ai.letta.code.testkit.script.TurnScript;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The quickstart as a user writes it: an agent with a persona and a human block, a session on the real Letta Code
 * CLI (against a scripted model), one prompt, the streamed answer. Then the in-memory fake, handed to
 * {@code LettaCode.create} as a user's test would. Prints where the SDK's classes came from, so the caller can tell
 * a module-path run from a class-path run.
 *
 * <p>Arguments: the working directory and a scratch {@code HOME} for the CLI.
 */
public final class ModulePathQuickstart {

    private ModulePathQuickstart() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path home = Path.of(args[1]);
        System.out.println("sdk module: " + LettaCode.class.getModule());
        System.out.println("local transport module in the boot layer: "
                + ModuleLayer.boot().findModule("ai.letta.code.transport.local").isPresent());

        PeerInstall peers = PeerInstall.locate();
        try (FakeModelEndpoint model = FakeModelEndpoint.builder()
                .responder(request -> TurnScript.builder().assistant("Hello from ", "the quickstart.").build())
                .start()) {
            LocalProviderRecord.writeOpenAiCompatible(home, model.baseUrl(), "offline");
            LocalOptions backend = LocalOptions.builder().nodePath(peers.node()).cliPath(peers.cli())
                    .cliBackend(CliBackend.localModels()).env("HOME", home.toString())
                    .env("LETTA_CODE_TELEM", "0").workingDirectory(work).build();
            try (LettaCodeClient client = LettaCode.create(backend)) {
                String agentId = client.createAgent(AgentOptions.builder()
                        .persona("You are Patch, a careful senior engineer.")
                        .human("The user is new to this repository.").build());
                SessionOptions options = SessionOptions.builder().cwd(work).permissionMode(PermissionMode.DEFAULT)
                        .canUseTool(request -> CompletableFuture.completedFuture(PermissionDecision.allow()))
                        .build();
                try (Session session = client.createSession(agentId, options)) {
                    session.send("Say hello.");
                    for (SessionEvent event : session.stream()) {
                        if (event instanceof AssistantMessage m) {
                            System.out.println("assistant: " + m.content());
                        } else if (event instanceof Result r) {
                            System.out.println("result: " + (r.success() ? "success" : "failed " + r.error()));
                        }
                    }
                }
            }
        }

        InMemoryTransport fake = new InMemoryTransport();
        fake.enqueue(TurnScript.builder().assistant("Hello from the fake.").build());
        try (LettaCodeClient client = LettaCode.create(fake)) {
            System.out.println("in-memory: " + client.prompt("hi").result());
        }
    }
}
