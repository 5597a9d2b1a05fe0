package ai.letta.code.core.turn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.letta.code.api.event.ErrorCode;
import ai.letta.code.api.event.Result;
import ai.letta.code.api.event.StopReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnEndsTest {

    private final TurnEnds.Turn turn = new TurnEnds.Turn("text", Duration.ofMillis(-5), 2, "conv-1",
            List.of("run-1"));

    @Test
    void eachOutcomeCarriesWhatEveryPeerReports() {
        Result success = TurnEnds.success(turn, StopReason.END_TURN);
        assertThat(success.success()).isTrue();
        assertThat(success.result()).contains("text");
        assertThat(success.duration()).isEqualTo(Duration.ZERO);
        assertThat(success.numTurns()).isEqualTo(2);
        assertThat(success.conversationId()).contains("conv-1");
        assertThat(success.runIds()).containsExactly("run-1");

        Result interrupted = TurnEnds.interrupted(turn);
        assertThat(interrupted.status()).isEqualTo(Result.Status.INTERRUPTED);
        assertThat(interrupted.errorCode()).contains(ErrorCode.INTERRUPTED);
        assertThat(interrupted.stopReason()).contains(StopReason.CANCELLED);

        Result failed = TurnEnds.failed(turn, StopReason.of("llm_api_error"), ErrorCode.of("llm_api_error"),
                "provider down", "503");
        assertThat(failed.status()).isEqualTo(Result.Status.ERROR);
        assertThat(failed.error()).contains("provider down");
        assertThat(failed.errorDetail()).contains("503");
        assertThat(failed.result()).contains("text");
    }

    @Test
    void aStopReasonBecomesAnErrorCodeAndNoneIsError() {
        assertThat(TurnEnds.errorCode(null)).isEqualTo(ErrorCode.ERROR);
        assertThat(TurnEnds.errorCode(" ")).isEqualTo(ErrorCode.ERROR);
        assertThat(TurnEnds.errorCode("error")).isEqualTo(ErrorCode.ERROR);
        assertThat(TurnEnds.errorCode("max_steps")).isEqualTo(ErrorCode.of("max_steps"));
    }
}
