package cloudapp;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.conversation.PageRequest;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.SessionEvent;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.testkit.peer.AppServerProcess;

/**
 * The cloud backend's Letta API resources against the testkit's fake Letta API (an agent created with its memory
 * blocks and read back, through the REST client and its wire records), then one turn on the remote backend against
 * the real app server on its deterministic backend (every turn answers "pong"). Prints where the SDK's classes came
 * from and what it read back.
 */
public final class CloudModulePathApp {

    private CloudModulePathApp() {}

    public static void main(String[] args) {
        System.out.println("sdk module: " + LettaCode.class.getModule());
        try (FakeLettaApi api = FakeLettaApi.start();
                LettaCodeClient client = LettaCode.create(CloudOptions.builder("fake-key").baseUrl(api.baseUrl())
                        .build())) {
            String agentId = client.createAgent(AgentOptions.builder()
                    .persona("You are Patch, a careful senior engineer.")
                    .human("The user is new to this repository.").build());
            AgentInfo agent = client.agents().get(agentId);
            System.out.println("cloud agent persona: " + agent.block("persona").map(MemoryBlock::value).orElse("-"));
            System.out.println("cloud agents listed: " + client.agents().list(PageRequest.first(50)).items().stream()
                    .filter(a -> a.id().equals(agentId)).count());
        }
        try (AppServerProcess server = AppServerProcess.builder().start();
                LettaCodeClient remote = LettaCode.create(Backend.remote(server.wsUri(), null))) {
            String agentId = remote.createAgent(AgentOptions.builder().name("module-path").build());
            try (Session session = remote.createSession(agentId, SessionOptions.defaults())) {
                session.send("hello");
                for (SessionEvent event : session.stream()) {
                    if (event instanceof Result r) {
                        System.out.println("remote result: " + (r.success() ? r.result().orElse("") : "failed"));
                    }
                }
            }
        }
    }
}
