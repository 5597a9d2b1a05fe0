package ai.letta.code.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.Session;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.ModelCatalog;
import ai.letta.code.api.model.ModelEntry;
import ai.letta.code.api.model.ModelUpdate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session controls besides turns: the model catalog and model switch, raw protocol commands, dreaming settings.
 * A peer that lacks one must say so with {@link UnsupportedFeatureException}.
 */
public abstract class ControlContract extends ContractSupport {

    /** For the transport's test, which subclasses it with its peer. */
    public ControlContract() {}

    @Test
    void listModelsOffersTheAlternateModel() {
        Session session = openSession();
        if (!has(ContractFeature.MODELS)) {
            assertThatThrownBy(session::listModels).isInstanceOf(UnsupportedFeatureException.class);
            return;
        }

        ModelCatalog catalog = session.listModels();

        assertThat(catalog.entries()).extracting(ModelEntry::handle).contains(peer.alternateModel());
        catalog.current().ifPresent(current -> assertThat(current).isNotBlank());
        assertThat(client.models().list().entries()).isNotEmpty();
    }

    @Test
    void updateModelBetweenTurnsSwitchesTheNextRequest() {
        Session session = openSession();
        if (!has(ContractFeature.MODELS)) {
            assertThatThrownBy(() -> session.updateModel(ModelUpdate.to(peer.alternateModel())))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        scriptedTurn(session, "before the switch", "first model ok");

        session.updateModel(ModelUpdate.to(peer.alternateModel()));

        session.listModels().current()
                .ifPresent(current -> assertThat(sameModel(current, peer.alternateModel())).isTrue());
        scriptedTurn(session, "after the switch", "second model ok");
        if (has(ContractFeature.OBSERVES_MODEL_REQUESTS)) {
            assertThat(lastModelRequest()).hasValueSatisfying(request -> assertThat(
                    sameModel(request.model(), peer.alternateModel())).as("requested %s", request.model()).isTrue());
        }
    }

    @Test
    void updateModelToAnUnknownHandleIsRejected() {
        Session session = openSession();
        Class<? extends RuntimeException> expected = has(ContractFeature.MODELS)
                ? ConfigurationException.class : UnsupportedFeatureException.class;

        assertThatThrownBy(() -> session.updateModel(ModelUpdate.to("contract/no-such-model")))
                .isInstanceOf(expected);
        scriptedTurn(session, "still fine?", "unknown model ok");
    }

    @Test
    void rawCommandWithoutAnswerReturnsItsRequestId() {
        Session session = openSession();
        Map<String, Object> command = peer.rawCommandProbe().command();
        if (!has(ContractFeature.RAW_COMMANDS)) {
            assertThatThrownBy(() -> session.sendCommand(command)).isInstanceOf(UnsupportedFeatureException.class);
            return;
        }

        String requestId = session.sendCommand(command);

        assertThat(requestId).isNotBlank();
        scriptedTurn(session, "after a raw command", "raw ok");
    }

    @Test
    void rawCommandAwaitsTheMatchingAnswer() {
        Session session = openSession();
        ContractPeer.RawCommandProbe probe = peer.rawCommandProbe();
        Map<String, Object> command = new LinkedHashMap<>(probe.command());
        command.put("request_id", "contract-rid-1");
        ResponseMatcher matcher = ResponseMatcher.type(probe.responseType());
        if (!has(ContractFeature.RAW_COMMANDS)) {
            assertThatThrownBy(() -> session.sendCommand(command, matcher, turnTimeout()))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }

        CommandResponse response = session.sendCommand(command, matcher, turnTimeout());

        assertThat(response.type()).isEqualTo(probe.responseType());
        response.requestId().ifPresent(id -> assertThat(id).isEqualTo("contract-rid-1"));
    }

    @Test
    void rawCommandWithoutMatchingAnswerTimesOut() {
        Session session = openSession();
        Map<String, Object> command = peer.rawCommandProbe().command();
        ResponseMatcher never = (requestId, candidate) -> false;
        Class<? extends RuntimeException> expected = has(ContractFeature.RAW_COMMANDS)
                ? OperationTimeoutException.class : UnsupportedFeatureException.class;

        assertThatThrownBy(() -> within("sendCommand with a timeout",
                () -> session.sendCommand(command, never, unansweredCommandTimeout()))).isInstanceOf(expected);
        scriptedTurn(session, "after the timeout", "timeout ok");
    }

    @Test
    void dreamingSettingsAreAppliedAtOpenAndBetweenTurns() {
        if (!has(ContractFeature.DREAMING)) {
            Session session = openSession();
            assertThatThrownBy(() -> session.updateDreaming(Dreaming.off()))
                    .isInstanceOf(UnsupportedFeatureException.class);
            return;
        }
        Session session = open(newAgent(), options().dreaming(Dreaming.stepCount(8)).build());
        scriptedTurn(session, "dream later", "dreaming ok");

        session.updateDreaming(Dreaming.onCompaction());
        session.updateDreaming(Dreaming.off());

        scriptedTurn(session, "no dreams now", "no dreaming ok");
    }

    @Test
    void invalidDreamingSettingsAreRejectedAtTheBuilder() {
        assertThatThrownBy(() -> Dreaming.stepCount(0)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("stepCount");
    }
}
