package ai.letta.code.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.core.LettaCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Models: {@code listModels()} says which models the session can use and which is current; switch with {@code updateModel}. */
public final class SwitchModels {

    private SwitchModels() {}

    /** @param args the model handle to switch to (optional: list only) */
    public static void main(String[] args) {
        try (LettaCodeClient client = LettaCode.create(ExampleBackend.fromEnvironment(System.getenv()))) {
            String agentId = client.createAgent(AgentOptions.builder().build());
            run(client, agentId, Path.of("").toAbsolutePath(), args.length > 0 ? args[0] : null)
                    .forEach(System.out::println);
        }
    }

    /**
     * @param client the client
     * @param agentId the agent
     * @param cwd the session's working directory
     * @param handle the model to switch to, or {@code null} to only list them
     * @return one line per model, then the current model after the switch
     */
    public static List<String> run(LettaCodeClient client, String agentId, Path cwd, String handle) {
        List<String> printed = new ArrayList<>();
        try (Session session = client.createSession(agentId, SessionOptions.builder().cwd(cwd).build())) {
            ModelCatalog models = session.listModels();
            for (ModelEntry entry : models.entries()) {
                printed.add("model: " + entry.handle());
            }
            if (handle != null) {
                session.updateModel(ModelUpdate.to(handle));
            }
            printed.add("current: " + session.listModels().current().orElse("(none)"));
        }
        return printed;
    }
}
