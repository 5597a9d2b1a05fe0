package ai.letta.code.transport.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stderr tail hides what the old pattern missed and the child's own secret values (issue 12 item 5). */
class StderrTailTest {

    @Test
    void hidesTheChildsSecretEnvironmentValuesAndCredentialForms() {
        Map<String, String> env = Map.of("LETTA_API_KEY", "plain-looking-value", "OPENAI_TOKEN", "tok42value",
                "HOME", "/home/me", "PATH", "/usr/bin");
        StderrTail tail = new StderrTail(10, 500, StderrTail.secretValues(env));

        tail.add("config: key plain-looking-value from env, token tok42value");
        tail.add("401 from provider: sk-let-NzE3ZTQ4YmEtYWJj, Authorization: Basic dXNlcjpodW50ZXIy");
        tail.add("retrying with api_key=ab+c/def== and password=hunter2");
        tail.add("\u001B[31mTypeError\u001B[0m: cannot read 'x' in /home/me");

        assertThat(tail.text()).doesNotContain("plain-looking-value", "tok42value", "NzE3ZTQ4YmEtYWJj",
                "dXNlcjpodW50ZXIy", "ab+c/def==", "hunter2");
        assertThat(tail.text()).contains("TypeError: cannot read 'x' in /home/me");
        assertThat(StderrTail.secretValues(env)).containsExactlyInAnyOrder("plain-looking-value", "tok42value");
    }

    @Test
    void keepsTheLastLinesAndSaysHowManyWereDropped() {
        StderrTail tail = new StderrTail(2, 5, List.of());

        tail.add("one");
        tail.add("two");
        tail.add("three-is-long");

        assertThat(tail.text()).isEqualTo("(1 earlier lines dropped)\ntwo\nthree…");
    }
}
