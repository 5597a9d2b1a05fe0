package ai.letta.code.transport.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.model.ModelEntry;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DomainMappingTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void aModelEntryKeepsTheServersIdAndAnUnknownWindowIsEmpty() {
        ServerFrame frame = codec.decode("{\"type\":\"list_models_response\",\"entries\":["
                + "{\"id\":\"fake-model\",\"handle\":\"lmstudio/fake-model\",\"label\":\"fake-model\","
                + "\"updateArgs\":{\"provider_type\":\"lmstudio_openai\",\"context_window\":128000}},"
                + "{\"id\":\"fake-model-high\",\"handle\":\"lmstudio/fake-model\",\"label\":\"fake-model\"}]}");

        ModelEntry first = DomainMapping.model(frame.json().path("entries").get(0));
        ModelEntry second = DomainMapping.model(frame.json().path("entries").get(1));

        assertThat(first.id()).isEqualTo("fake-model");
        assertThat(second.id()).isEqualTo("fake-model-high");
        assertThat(first.contextWindow()).isEqualTo(OptionalInt.of(128000));
        assertThat(second.contextWindow()).isEmpty();
        assertThat(second.provider()).contains("lmstudio");
    }
}
