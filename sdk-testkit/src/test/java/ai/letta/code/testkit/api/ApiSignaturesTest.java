package ai.letta.code.testkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API dump records, and that the check fails on a change. */
class ApiSignaturesTest {

    @Test
    void recordsTypesWithTheirMembersAndLeavesOtherPackagesOut() {
        List<String> lines = ApiSignatures.of(LettaCodeClient.class, List.of("ai.letta.code.api.event"));

        assertThat(lines).anyMatch(l -> l.startsWith("public abstract interface ai.letta.code.api.event.SessionEvent")
                && l.contains(" permits ai.letta.code.api.event.AssistantMessage, "));
        assertThat(lines).noneMatch(l -> l.contains("ai.letta.code.api.LettaCodeClient"));
        assertThat(lines).allMatch(l -> l.startsWith("  ") || l.contains("ai.letta.code.api.event."));
        assertThat(ApiSignatures.typeCount(lines)).isGreaterThan(10);
    }

    @Test
    void subpackagesCountOnlyWithTheDoubleDot() {
        List<String> top = ApiSignatures.of(LettaCodeClient.class, List.of("ai.letta.code.api"));
        List<String> all = ApiSignatures.of(LettaCodeClient.class, List.of("ai.letta.code.api.."));

        assertThat(top).noneMatch(l -> l.contains("ai.letta.code.api.event.SessionEvent "));
        assertThat(ApiSignatures.typeCount(all)).isGreaterThan(ApiSignatures.typeCount(top));
    }

    @Test
    void aChangedBaselineFailsNamingTheDifference(@TempDir Path dir) throws Exception {
        String previous = System.getProperty(ApiBaseline.DIRECTORY_PROPERTY);
        String update = System.clearProperty("letta.api.update");
        System.setProperty(ApiBaseline.DIRECTORY_PROPERTY, dir.toString());
        try {
            List<String> lines = ApiSignatures.of(LettaCodeClient.class, List.of("ai.letta.code.api"));
            Files.write(dir.resolve("m.txt"), lines.subList(1, lines.size()));

            assertThatThrownBy(() -> ApiBaseline.check("m", LettaCodeClient.class, "ai.letta.code.api"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("+ " + lines.get(0).strip())
                    .hasMessageContaining("-Dletta.api.update=true");
            Files.write(dir.resolve("m.txt"), lines);
            ApiBaseline.check("m", LettaCodeClient.class, "ai.letta.code.api");
        } finally {
            if (update != null) {
                System.setProperty("letta.api.update", update);
            }
            if (previous == null) {
                System.clearProperty(ApiBaseline.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(ApiBaseline.DIRECTORY_PROPERTY, previous);
            }
        }
    }
}
