package ai.letta.code.transport.local.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.agent.AgentOptions;
import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.backend.CliBackend;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.core.LettaCode;
import ai.letta.code.testkit.fakeapi.FakeLettaApi;
import ai.letta.code.transport.local.FakeCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory block labels in the local backend's files (issue 12 item 7): a label never leaves the memory repository's
 * {@code system} folder, a bad one is refused before any file or request, a nested one is a subfolder.
 */
@Timeout(60)
class MemoryBlockLabelFilesTest {

    private static final List<String> BAD = List.of("../../../../escaped", "skills/../../../escaped", "/tmp/escaped",
            ".git/hooks/pre-commit", "..\\..\\escaped", "nul\u0000.md", "line\nbreak");

    @TempDir
    Path backend;

    /** Before the fix this wrote {@code <backend>/escaped.md}, outside the repository, then failed in git. */
    @Test
    void aLabelClimbingOutOfTheMemoryRepositoryIsRefusedAndNothingIsWritten() throws IOException {
        LocalAgentFiles files = new LocalAgentFiles(backend, gitEnv());
        assertThatThrownBy(() -> files.writeBlocks("agent-1", List.of(MemoryBlock.of("persona", "p"),
                MemoryBlock.of("../../../../escaped", "planted"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\"../../../../escaped\"")
                .hasMessageContaining("starting with '.'");
        assertThat(backend.resolve("escaped.md")).doesNotExist();
        assertThat(everythingUnder(backend)).isEmpty();
    }

    @Test
    void theResolvedFileIsCheckedToStayInsideTheSystemFolder() {
        Path system = backend.resolve("memfs/agent-1/memory/system");
        assertThat(LocalAgentFiles.blockFile(system, "skills/java")).isEqualTo(system.resolve("skills/java.md"));
        for (String label : BAD) {
            assertThatThrownBy(() -> LocalAgentFiles.blockFile(system, label))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("MemoryBlock.label");
        }
    }

    @Test
    void aNestedLabelIsWrittenToASubfolderAndCommitted() throws Exception {
        Path repo = Files.createDirectories(backend.resolve("memfs/agent-1/memory"));
        git(repo, "init", "-q");
        new LocalAgentFiles(backend, gitEnv()).writeBlocks("agent-1", List.of(MemoryBlock.of("persona", "p"),
                MemoryBlock.of("skills/java", "Java 17, Maven").withDescription("what I know of Java")));

        Path file = repo.resolve("system/skills/java.md");
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("---\ndescription: what I know of Java\n---\nJava 17, Maven");
        assertThat(git(repo, "ls-files")).contains("system/persona.md", "system/skills/java.md");
        assertThat(everythingUnder(backend)).filteredOn(Files::isRegularFile).allMatch(p -> p.startsWith(repo));
    }

    /** Through the public API in API mode: each bad label fails typed; no request reached the Letta API, no file. */
    @Test
    void aBadLabelFailsBeforeAnyRequestOrFile() throws IOException {
        Path home = Files.createDirectories(backend.resolve("home"));
        try (FakeLettaApi api = FakeLettaApi.start();
                LettaCodeClient client = LettaCode.create(FakeCli.options("normal")
                        .cliBackend(CliBackend.lettaApi(api.baseUrl(), "sk-test")).env("HOME", home.toString())
                        .workingDirectory(home).build())) {
            for (String label : BAD) {
                assertThatThrownBy(() -> client.createAgent(AgentOptions.builder().persona("p")
                        .memoryBlock(MemoryBlock.of(label, "planted")).build()))
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("MemoryBlock.label");
                assertThatThrownBy(() -> client.blocks().update("agent-1", label, "planted"))
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("label");
            }
            assertThat(api.requests()).isEmpty();
        }
        assertThat(everythingUnder(home)).isEmpty();
        assertThat(everythingUnder(backend)).containsExactly(home);
    }

    private static List<Path> everythingUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).toList();
        }
    }

    private Map<String, String> gitEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", backend.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.invalid");
        env.put("GIT_COMMITTER_NAME", "test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.invalid");
        return env;
    }

    private String git(Path repo, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("git", "-C", repo.toString()),
                Stream.of(args)).toList()).redirectErrorStream(true);
        builder.environment().putAll(gitEnv());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void memoryFrontMatterAlwaysCarriesTheDescriptionTheRepositoryHookRequires() {
        assertThat(LocalAgentFiles.frontMatter(MemoryBlock.of("style", "terse"), null))
                .isEqualTo("---\ndescription: The style memory block.\n---\n");
        assertThat(LocalAgentFiles.frontMatter(MemoryBlock.of("human", "x"), "What I know of the user"))
                .isEqualTo("---\ndescription: What I know of the user\n---\n");
        assertThat(LocalAgentFiles.frontMatter(new MemoryBlock("p", "v", "multi\nline", 500, true, null), null))
                .isEqualTo("---\ndescription: multi line\nlimit: 500\nread_only: true\n---\n");
    }
}
