package ai.letta.code.transport.remote;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.RemoteOptions;
import ai.letta.code.api.event.Result;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.script.ScriptedServer;
import ai.letta.code.testkit.script.TurnScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Measures the round trip of one scripted turn against the real pinned app server, on its local backend (model
 * served by a {@code FakeModelEndpoint}) or in API mode (against a {@code FakeLettaApi}): through the SDK,
 * {@code session.send(text)} until the turn's {@link Result} comes out of {@code session.stream()}; and, as the
 * baseline, the same turn over a raw JDK websocket ({@link RawAppServerClient}), {@code input} until {@code turn_finished}. The two alternate
 * turn by turn (the server gets faster as it warms up, so running one series after the other would favour the
 * second); warm-up turns are not counted. Not a test: numbers go to the report, never into assertions.
 *
 * <p>Run (from the project root; prints one line per measured turn and a summary):
 * <pre>
 * ./mvnw -q -pl transport-remote -am verify -Proundtrip -DskipTests [-Droundtrip.turns=21] [-Droundtrip.backend=api]
 * </pre>
 */
public final class RoundTripMeasure {

    private RoundTripMeasure() {
    }

    /**
     * @param args the number of measured turns (default 11), then {@code local} (default) or {@code api}; 3 warm-up
     *     turns of each kind run first
     */
    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        boolean apiMode = args.length > 1 && args[1].equals("api");
        int warmup = 3;
        try (SharedAppServer<?> shared = apiMode ? SharedAppServer.inApiMode() : SharedAppServer.onLocalBackend();
                LettaCodeClient client = LettaCode.create(RemoteOptions.builder().url(shared.server().wsUri())
                        .build());
                RawAppServerClient raw = new RawAppServerClient(shared.server().wsUri())) {
            ScriptedServer model = shared.fake();
            System.out.printf(Locale.ROOT, "app server %s (%s) up in %d ms; %d warm-up + %d measured turns each, SDK"
                    + " and raw alternating%n", shared.server().wsUri(), apiMode ? "API mode" : "local backend",
                    shared.server().startupTime().toMillis(), warmup, turns);
            String agentId = client.createAgent(AgentOptions.builder().model(shared.model()).build());
            // The raw side on a conversation of its own, with an agent of its own, as before.
            JsonNode runtime = raw.runtimeStart(null, shared.model());
            try (Session session = client.createSession(agentId, SessionOptions.defaults())) {
                long[] sdk = new long[turns];
                long[] direct = new long[turns];
                for (int i = 0; i < warmup + turns; i++) {
                    model.enqueue(TurnScript.text("sdk answer " + i));
                    long sdkMicros = SdkTurn.micros(session, "ping " + i);
                    model.enqueue(TurnScript.text("raw answer " + i));
                    long rawMicros = raw.turn(runtime, "ping " + i) / 1_000;
                    if (i >= warmup) {
                        sdk[i - warmup] = sdkMicros;
                        direct[i - warmup] = rawMicros;
                    }
                }
                report("sdk send->Result        ", sdk);
                report("raw input->turn_finished", direct);
            }
        }
    }

    private static void report(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        List<String> each = new ArrayList<>();
        for (long value : micros) {
            each.add(String.format(Locale.ROOT, "%.1f", value / 1000.0));
        }
        System.out.printf(Locale.ROOT, "%s ms: median %.1f, min %.1f, p90 %.1f, max %.1f (n=%d) %s%n", what,
                median(sorted) / 1000.0, sorted[0] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1000.0,
                sorted[sorted.length - 1] / 1000.0, sorted.length, each);
    }

    private static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
