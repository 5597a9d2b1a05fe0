package ai.letta.code.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TurnLedgerTest {

    @Test
    void eachResultAnswersOneMessageUnlessTheTurnMergedSeveral() {
        TurnLedger ledger = new TurnLedger();
        ledger.onSend();
        ledger.onSend();
        ledger.onSend();
        assertThat(ledger.resultEndsStream()).isFalse();
        ledger.onResult();
        ledger.onTurnStarted(2);
        assertThat(ledger.resultEndsStream()).isTrue();
        ledger.onResult();
        assertThat(ledger.busy()).isFalse();
    }

    @Test
    void aTurnEndedLocallySwallowsOnlyTheLateInterruptedResult() {
        TurnLedger ledger = new TurnLedger();
        ledger.onSend();
        ledger.endLocally();
        assertThat(ledger.busy()).isFalse();
        assertThat(ledger.swallowLateInterruptedResult()).isTrue();
        assertThat(ledger.swallowLateInterruptedResult()).isFalse();
    }
}
