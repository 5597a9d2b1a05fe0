package ai.letta.code.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What {@link Redaction} hides (issue 12 item 5: the forms the old stderr redaction missed). */
class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Error: invalid key sk-let-NzE3ZTQ4YmEtYWJj                  | NzE3ZTQ4YmEtYWJj",
            "Authorization: Basic dXNlcjpodW50ZXIy                        | dXNlcjpodW50ZXIy",
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x              | eyJhbGciOiJIUzI1NiJ9",
            "request failed: api_key=ab+c/def== rejected                  | ab+c/def==",
            "connecting with password=hunter2!                             | hunter2",
            "{\"token\": \"s3cr3t-value\", \"ok\": true}                   | s3cr3t-value",
            "GET wss://user:hunter2@host/ws?token=s3cr3t                  | hunter2",
            "GET wss://host/ws?a=1&access_token=s3cr3t#x                   | s3cr3t",
            "LETTA_API_KEY: sk-proj-abcdefghijklmnop                        | abcdefghijklmnop"})
    void hidesCredentialForms(String line, String secret) {
        String redacted = Redaction.text(line);

        assertThat(redacted).doesNotContain(secret.strip()).contains(Redaction.HIDDEN);
    }

    @Test
    void hidesKnownSecretValuesWhereverTheyAppear() {
        String redacted = Redaction.text("env dump: MY_VAR=plainvalue42 and again plainvalue42.",
                List.of("plainvalue42", "ab"));

        assertThat(redacted).doesNotContain("plainvalue42").isEqualTo("env dump: MY_VAR=**** and again ****.");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String line = "TypeError: cannot read properties of undefined (reading 'x') at letta.js:12:5";

        assertThat(Redaction.text(line, List.of("ab"))).isEqualTo(line);
        assertThat(Redaction.text(null)).isEmpty();
    }

    @Test
    void urlLosesUserInfoAndTokens() {
        assertThat(Redaction.url(URI.create("wss://user:hunter2@host:4500/ws?token=s3cr3t&x=1")))
                .isEqualTo("wss://****@host:4500/ws?token=****&x=1");
    }
}
