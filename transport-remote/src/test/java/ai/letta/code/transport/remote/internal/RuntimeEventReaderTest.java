package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.exception.MalformedFrameException;
import ai.letta.code.testkit.fuzz.JsonMutator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-pass read of a turn's frames ({@link RuntimeEventReader}) decodes exactly as the frame's tree does, on the
 * fuzz test's frames and on structure-aware mutations of them: the same envelope, top-level texts, tree and delta.
 */
class RuntimeEventReaderTest {
    private static final int CASES = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void decodesMutatedFramesAsTheTreeDoes() {
        FrameCodec codec = new FrameCodec();
        List<String> seeds = new ArrayList<>(FrameFuzzTest.SEEDS);
        seeds.add("{\"type\":\"stream_delta\",\"runtime\":{\"agent_id\":\"agent-local-1\",\"conversation_id\":"
                + "\"local-conv-1\"},\"event_seq\":42,\"request_id\":null,\"delta\":{\"message_type\":"
                + "\"assistant_message\",\"id\":\"ui-msg-6:assistant:1\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"po\"},\"!\",{\"text\":7}],\"run_id\":\"local-run-1\",\"seq_id\":4,\"attempt\":\"2\"}}");
        seeds.add("{\"type\":\"turn_finished\",\"runtime\":{\"agent_id\":\"agent-local-1\",\"conversation_id\":"
                + "\"local-conv-1\"},\"event_seq\":43,\"stop_reason\":\"end_turn\",\"run_id\":\"local-run-1\","
                + "\"error\":null}");
        JsonMutator mutator = new JsonMutator(seeds, new Random(20261204L));
        int deltas = 0;
        for (int i = 0; i < CASES; i++) {
            String text = i < seeds.size() ? seeds.get(i) : mutator.next();
            String at = "case " + i + ": " + text;
            ServerFrame tree;
            try {
                tree = codec.decodeTree(text);
            } catch (MalformedFrameException e) {
                assertThatThrownBy(() -> codec.decode(text)).as(at).isInstanceOf(MalformedFrameException.class)
                        .hasMessage(e.getMessage());
                continue;
            }
            ServerFrame frame = codec.decode(text);
            List<Object> got = new ArrayList<>(List.of(frame.type(), String.valueOf(frame.requestId()),
                    String.valueOf(frame.runtime()), frame.isResponse()));
            List<Object> want = new ArrayList<>(List.of(tree.type(), String.valueOf(tree.requestId()),
                    String.valueOf(tree.runtime()), tree.isResponse()));
            List<String> fields = new ArrayList<>(List.of("error", "absent", "stop_reason", "run_id", "delta"));
            tree.json().propertyNames().forEach(fields::add);
            for (String field : fields) {
                got.add(String.valueOf(frame.string(field)));
                want.add(String.valueOf(tree.string(field)));
            }
            if (frame.delta() != null) {
                deltas++;
                JsonNode raw = tree.json().get("delta");
                got.add(JSON.valueToTree(frame.delta()));
                want.add(JSON.valueToTree(codec.read(raw, WireDelta.class)));
            }
            got.add(frame.json());
            want.add(tree.json());
            got.add(frame.succeeded());
            want.add(tree.succeeded());
            if (!got.equals(want)) {
                assertThat(got).as(at).isEqualTo(want);
            }
        }
        assertThat(deltas).as("deltas bound in one pass").isGreaterThan(CASES / 4);
    }
}
