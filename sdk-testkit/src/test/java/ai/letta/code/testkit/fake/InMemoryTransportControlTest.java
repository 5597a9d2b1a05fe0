package ai.letta.code.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.Dreaming;
import ai.letta.code.api.SessionOptions;
import ai.letta.code.api.UserMessage;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.backend.BackendKind;
import ai.letta.code.api.command.CommandResponse;
import ai.letta.code.api.command.ResponseMatcher;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.OperationTimeoutException;
import ai.letta.code.api.exception.UnsupportedFeatureException;
import ai.letta.code.api.model.ModelUpdate;
import ai.letta.code.api.model.ReasoningEffort;
import ai.letta.code.api.permission.PermissionMode;
import ai.letta.code.spi.SessionChannel;
import ai.letta.code.spi.SessionTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models, raw commands, dreaming, and switched-off features. */
class InMemoryTransportControlTest {

    @TempDir
    Path dir;
    private InMemoryTransport fake = new InMemoryTransport();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void updateModelIsValidatedAndUsedByTheNextRequest() {
        SessionChannel channel = open();
        assertThat(channel.listModels().current()).contains("fake/model-a");

        assertThatThrownBy(() -> channel.updateModel(ModelUpdate.to("fake/nope")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("fake/model-b");
        assertThatThrownBy(() -> channel.updateModel(ModelUpdate.reasoningEffortOnly(ReasoningEffort.XHIGH)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("xhigh");
        channel.updateModel(ModelUpdate.to("fake/model-b").withReasoningEffort(ReasoningEffort.XHIGH));
        channel.send("cm-1", UserMessage.text("ping"));
        sink.awaitResult();

        assertThat(channel.listModels().current()).contains("fake/model-b");
        assertThat(fake.modelCalls()).singleElement().satisfies(call -> {
            assertThat(call.model()).isEqualTo("fake/model-b");
            assertThat(call.reasoningEffort()).isEqualTo("xhigh");
        });
        assertThat(fake.sent(SentCommand.Kind.UPDATE_MODEL)).hasSize(1);
    }

    @Test
    void rawRequestIsAnsweredByTheHandlerOnTheReaderThread() {
        SessionChannel channel = open();
        String[] thread = new String[1];
        fake.rawCommandHandler(command -> {
            thread[0] = Thread.currentThread().getName();
            return RawCommandHandler.echo().answer(command);
        });

        CommandResponse response = channel.request(Map.of("type", "sync", "request_id", "r-1"),
                ResponseMatcher.type("sync_response"), Duration.ofSeconds(5));

        assertThat(response.type()).isEqualTo("sync_response");
        assertThat(response.requestId()).hasValue("r-1");
        assertThat(thread[0]).startsWith("in-memory-reader-");
    }

    @Test
    void rawRequestWithoutAMatchingAnswerTimesOut() {
        SessionChannel channel = open();
        fake.rawCommandHandler(RawCommandHandler.silent());

        assertThatThrownBy(() -> channel.request(Map.of("type", "x", "request_id", "r-1"), ResponseMatcher.type("x"),
                Duration.ofMillis(100))).isInstanceOf(OperationTimeoutException.class).hasMessageContaining("r-1");
        channel.sendRaw(Map.of("type", "fire_and_forget", "request_id", "r-2"));
        assertThat(fake.sent(SentCommand.Kind.RAW)).singleElement()
                .satisfies(c -> assertThat(c.detail()).isEqualTo("r-2"));
    }

    @Test
    void dreamingIsStoredOnTheAgentAtOpenAndOnUpdate() {
        String agent = fake.agents().create(AgentOptions.builder().build());
        SessionChannel channel = fake.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.builder().cwd(dir).dreaming(Dreaming.stepCount(8)).build(), sink);
        assertThat(fake.dreaming(agent)).hasValue(Dreaming.stepCount(8));

        channel.updateDreaming(Dreaming.off());

        assertThat(fake.dreaming(agent)).hasValue(Dreaming.off());
    }

    @Test
    void switchedOffFeaturesThrowUnsupportedFeatureNamingTheOtherBackends() {
        fake.close();
        fake = InMemoryTransport.builder().kind(BackendKind.LOCAL).models(false).rawCommands(false).dreaming(false)
                .build();
        SessionChannel channel = open();

        assertThatThrownBy(channel::listModels).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("local").hasMessageContaining("remote");
        assertThatThrownBy(() -> fake.models().list()).isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(() -> channel.updateDreaming(Dreaming.off()))
                .isInstanceOf(UnsupportedFeatureException.class);
        assertThatThrownBy(() -> channel.sendRaw(Map.of("type", "x")))
                .isInstanceOf(UnsupportedFeatureException.class);
        assertThat(fake.kind()).isEqualTo(BackendKind.LOCAL);
    }

    @Test
    void toolsThatDoNotRunReportWithoutTouchingTheDisk() {
        fake.close();
        fake = InMemoryTransport.builder().runTools(false).build();
        SessionChannel channel = open(PermissionMode.BYPASS_PERMISSIONS);

        channel.send("cm-1", UserMessage.text("use the tool"));

        assertThat(sink.awaitResult().success()).isTrue();
        assertThat(dir.resolve("approved.txt")).doesNotExist();
        assertThat(Optional.ofNullable(fake.modelCalls().get(1).toolResult()))
                .hasValueSatisfying(r -> assertThat(r.content()).contains("not run"));
    }

    private SessionChannel open() {
        return open(PermissionMode.DEFAULT);
    }

    private SessionChannel open(PermissionMode mode) {
        String agent = fake.agents().create(AgentOptions.builder().build());
        return fake.sessions().open(SessionTarget.newConversation(agent),
                SessionOptions.builder().cwd(dir).permissionMode(mode).build(), sink);
    }
}
