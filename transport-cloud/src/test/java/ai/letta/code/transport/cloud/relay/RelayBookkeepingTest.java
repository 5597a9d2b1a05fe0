package ai.letta.code.transport.cloud.relay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.backend.CloudOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RelayBookkeepingTest {

    @Test
    void theEnvelopeReadsOnlyTopLevelFieldsAndToleratesWrongTypesAndGarbage() {
        RelayEnvelope envelope = RelayEnvelope.peek("{\"type\":\"stream_delta\",\"delta\":{\"seq\":99,"
                + "\"idempotency_key\":\"inner\"},\"event_seq\":12,\"idempotency_key\":\"k-12\",\"seq\":4}");
        assertThat(envelope).isEqualTo(new RelayEnvelope("stream_delta", 4, 12, "k-12"));
        assertThat(RelayEnvelope.peek("{\"type\":7,\"seq\":\"4\",\"event_seq\":null}"))
                .isEqualTo(new RelayEnvelope("", -1, -1, null));
        assertThat(RelayEnvelope.peek("not json").type()).isEmpty();
        assertThat(RelayEnvelope.peek("[1,2]").seq()).isEqualTo(-1);
        assertThat(RelayEnvelope.peek("{\"type\":\"x\",").type()).isEmpty();
    }

    @Test
    void recentKeysRememberTheLastThousand() {
        RecentKeys keys = new RecentKeys();
        assertThat(keys.firstSight("a")).isTrue();
        assertThat(keys.firstSight("a")).isFalse();
        for (int i = 0; i < RecentKeys.CAPACITY; i++) {
            keys.firstSight("k" + i);
        }
        assertThat(keys.firstSight("a")).isTrue();
        assertThat(keys.firstSight("k" + (RecentKeys.CAPACITY - 1))).isFalse();
    }

    @Test
    void gapsCloseWhenReorderedEventsArriveAndStayOpenWhenLost() {
        EventGaps gaps = new EventGaps();
        gaps.seen(10);
        gaps.seen(12);
        assertThat(gaps.open()).isTrue();
        gaps.seen(11);
        assertThat(gaps.open()).isFalse();
        gaps.seen(15);
        assertThat(gaps.open()).isTrue();
        gaps.accept();
        assertThat(gaps.open()).isFalse();
        gaps.seen(16);
        gaps.seen(3);
        assertThat(gaps.open()).isFalse();
    }

    @Test
    void theAddressDerivesTheRelayUrlAndKeepsTheKeyOutOfItsDescription() {
        CloudOptions header = CloudOptions.builder("sk-let-SENTINEL").baseUrl(URI.create("https://api.example.test"))
                .header("X-Project", "p1").build();
        RelayAddress address = new RelayAddress(header, "conn-1", "agent-1", "conv 1");
        var control = address.target(RelayAddress.Channel.CONTROL);
        assertThat(control.uri().toString()).isEqualTo("wss://api.example.test/v1/environments/conn-1/status/ws"
                + "?agentId=agent-1&conversationId=conv%201&channel=control");
        assertThat(control.headers()).containsEntry("Authorization", "Bearer sk-let-SENTINEL")
                .containsEntry("X-Project", "p1");
        assertThat(control.toString()).doesNotContain("SENTINEL");

        CloudOptions query = header.toBuilder().baseUrl(URI.create("http://127.0.0.1:9/prefix/"))
                .webSocketAuth(CloudOptions.WebSocketAuth.QUERY).build();
        var stream = new RelayAddress(query, "conn-1", "agent-1", "default").target(RelayAddress.Channel.STREAM);
        assertThat(stream.uri().toString()).startsWith("ws://127.0.0.1:9/prefix/v1/environments/conn-1/status/ws?")
                .endsWith("&channel=stream&token=sk-let-SENTINEL");
        assertThat(stream.headers()).doesNotContainKey("Authorization");
        assertThat(stream.description()).doesNotContain("SENTINEL").doesNotContain("token");
    }
}
