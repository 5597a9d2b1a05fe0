package ai.letta.code.transport.remote.examples;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.core.LettaCodeModule;
import ai.letta.code.transport.remote.RemoteTransportModule;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import jakarta.inject.Inject;

/**
 * The Guice route, runnable: {@link LettaCodeModule} and a transport module bind {@link LettaCodeClient}, and an
 * application class gets it injected. Against an app server ({@code letta server --listen ws://127.0.0.1:4500}):
 * {@code LETTA_APP_SERVER_URL=http://127.0.0.1:4500 java -cp … GuiceEmbedding "What is a memory block?"}.
 * {@code EmbeddingExamplesIT} runs it against the real app server on a scripted model.
 */
public final class GuiceEmbedding {

    /** An application service that asks the agent questions through the injected client. */
    public static final class Assistant implements AutoCloseable {
        private final LettaCodeClient client;

        /** @param client a new client per injection: this service owns it and closes it */
        @Inject
        public Assistant(LettaCodeClient client) {
            this.client = client;
        }

        /**
         * @param model the new agent's model handle, or {@code null} for the backend's default
         * @return the id of a new agent to ask
         */
        public String newAgent(String model) {
            AgentOptions.Builder agent = AgentOptions.builder().persona("You answer in one sentence.");
            return client.createAgent(model == null ? agent.build() : agent.model(model).build());
        }

        /**
         * @param agentId the agent
         * @param question what to ask
         * @return the agent's answer (a one-shot prompt, in a new conversation)
         */
        public String ask(String agentId, String question) {
            return client.prompt(question, agentId).result();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private GuiceEmbedding() {}

    /**
     * @param options where the app server is
     * @return the application's injector: the SDK's modules next to the application's own
     */
    public static Injector injector(RemoteOptions options) {
        return Guice.createInjector(new LettaCodeModule(), new RemoteTransportModule(options), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Assistant.class); // LettaCodeModule requires explicit bindings
            }
        });
    }

    /** @param args the question to ask (optional) */
    public static void main(String[] args) {
        String question = args.length > 0 ? String.join(" ", args) : "What is a memory block?";
        try (Assistant assistant = injector(RemoteOptions.fromEnvironment(System.getenv()).build())
                .getInstance(Assistant.class)) {
            System.out.println(assistant.ask(assistant.newAgent(null), question));
        }
    }
}
