package ai.letta.code.transport.local.control;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.api.exception.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finishes an agent the CLI created on its local backend, in the files that backend keeps (CLI 0.32.18 has no flag
 * or stdio command for persona, human, custom blocks, name or description):
 * <ul>
 *   <li>memory blocks: one Markdown file per block in the agent's memory repository
 *       ({@code ~/.letta/lc-local-backend/memfs/<agent>/memory/system/<label>.md}, a nested label in a
 *       subfolder; front matter {@code description}), committed with git (local-stdio.md §2.5). The compiled
 *       system prompt is cached per conversation, so the caches of the new agent's (still empty) conversations are
 *       dropped: every conversation then compiles the new blocks;
 *   <li>name and description: the {@code name} and {@code description} fields of the agent's record,
 *       {@code agents/<base64 of the id>.json} (offline-peers.md §4.7).
 * </ul>
 * Only for an agent no CLI process is running on (right after its creating process exited). The layout is that of
 * the pinned CLI; a later CLI that moves it makes these writes fail loudly, not silently.
 */
final class LocalAgentFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DESCRIPTION = Pattern.compile("(?s)^---\\n(.*?)\\n---\\n");

    private static final String COMMIT_MESSAGE = "letta-code-java: initial memory blocks";

    private final Path backendDir;
    private final Map<String, String> env;

    /**
     * @param backendDir the local backend's storage ({@code $LETTA_LOCAL_BACKEND_DIR} or
     *     {@code $HOME/.letta/lc-local-backend})
     * @param env the CLI's environment, for git and its hooks
     */
    LocalAgentFiles(Path backendDir, Map<String, String> env) {
        this.backendDir = backendDir;
        this.env = Map.copyOf(env);
    }

    /**
     * @param agentId a freshly created agent
     * @param name its name, or null to keep the CLI's
     * @param description its description, or null to keep the CLI's
     */
    void rename(String agentId, String name, String description) {
        if (name == null && description == null) {
            return;
        }
        Path file = backendDir.resolve("agents").resolve(Base64.getEncoder()
                .encodeToString(agentId.getBytes(StandardCharsets.UTF_8)) + ".json");
        try {
            ObjectNode agent = (ObjectNode) JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (name != null) {
                agent.put("name", name);
            }
            if (description != null) {
                agent.put("description", description);
            }
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(agent),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new TransportException("could not set the name/description of " + agentId + " in " + file
                    + " (the CLI's local backend record): " + e.getMessage(), null, null, e);
        }
    }

    /**
     * @param agentId a freshly created agent
     * @param blocks its blocks, persona and human included
     */
    void writeBlocks(String agentId, List<MemoryBlock> blocks) {
        Path repo = backendDir.resolve("memfs").resolve(agentId).resolve("memory");
        Path system = repo.resolve("system").normalize();
        List<Path> files = blocks.stream().map(b -> blockFile(system, b.label())).toList(); // all, before any write
        try {
            boolean readOnly = false;
            for (int i = 0; i < blocks.size(); i++) {
                MemoryBlock block = blocks.get(i);
                Path file = files.get(i);
                Files.createDirectories(file.getParent());
                Files.writeString(file, frontMatter(block, existingDescription(file)) + block.value(),
                        StandardCharsets.UTF_8);
                readOnly |= block.readOnly();
            }
            git(repo, List.of("add", "-A"));
            // The repository's pre-commit hook refuses read_only from the agent; the SDK creating it is the owner.
            git(repo, readOnly ? List.of("commit", "-q", "--no-verify", "-m", COMMIT_MESSAGE)
                    : List.of("commit", "-q", "-m", COMMIT_MESSAGE));
            dropCachedPrompts(agentId);
        } catch (IOException e) {
            throw new ConfigurationException("could not write the memory blocks of " + agentId + " in " + repo + " ("
                    + e + "); the local backend keeps them there: check that the directory is writable", e);
        }
    }

    /**
     * The file of a block: {@code system/<label>.md}, a nested label ({@code skills/java}) in a subfolder. The label
     * was checked when the block was made ({@link MemoryBlock#requireLabel}); this is the second lock, on the path.
     *
     * @throws ConfigurationException if the file would lie outside {@code system}
     */
    static Path blockFile(Path system, String label) {
        Path file = system.resolve(MemoryBlock.requireLabel(label, "MemoryBlock.label") + ".md").normalize();
        if (!file.startsWith(system) || file.equals(system)) {
            throw new ConfigurationException("MemoryBlock.label \"" + label + "\" resolves to " + file
                    + ", outside the memory repository's " + system);
        }
        return file;
    }

    /**
     * The front matter the memory repository's pre-commit hook requires (CLI 0.32.18, legacy layout): always a
     * non-empty {@code description} (the block's, else the one the CLI wrote for that label, else a generic one),
     * {@code limit} and {@code read_only} when set. Keys outside {@code description, limit, read_only} fail it.
     */
    static String frontMatter(MemoryBlock block, String existingDescription) {
        String description = block.description().filter(d -> !d.isBlank())
                .orElse(existingDescription != null ? existingDescription : "The " + block.label() + " memory block.");
        StringBuilder front = new StringBuilder("---\ndescription: ")
                .append(description.replace('\r', ' ').replace('\n', ' ').strip()).append('\n');
        block.limit().ifPresent(limit -> front.append("limit: ").append(limit).append('\n'));
        if (block.readOnly()) {
            front.append("read_only: true\n");
        }
        return front.append("---\n").toString();
    }

    private static String existingDescription(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Matcher m = DESCRIPTION.matcher(Files.readString(file, StandardCharsets.UTF_8));
        if (!m.find()) {
            return null;
        }
        for (String line : m.group(1).split("\n")) {
            if (line.startsWith("description:")) {
                return line.substring("description:".length()).strip();
            }
        }
        return null;
    }

    private void dropCachedPrompts(String agentId) throws IOException {
        Path conversations = backendDir.resolve("conversations");
        if (!Files.isDirectory(conversations)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(conversations)) {
            for (Path dir : dirs.toList()) {
                Path meta = dir.resolve("conversation.json");
                if (Files.isRegularFile(meta) && Files.readString(meta).contains("\"" + agentId + "\"")) {
                    Files.deleteIfExists(dir.resolve("system-prompt.json"));
                }
            }
        }
    }

    private void git(Path repo, List<String> args) {
        CommandLine line = new CommandLine("git").addArgument("-C", false).addArgument(repo.toString(), false);
        for (String arg : args) {
            line.addArgument(arg, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DefaultExecutor executor = DefaultExecutor.builder().get();
        executor.setStreamHandler(new PumpStreamHandler(out, out));
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(Duration.ofSeconds(30)).get());
        executor.setExitValues(null);
        try {
            // The hooks run node: the same environment as the CLI, whose PATH starts with the checked Node.
            int code = executor.execute(line, env);
            if (code != 0) {
                throw new TransportException("`git " + String.join(" ", args) + "` in " + repo + " failed (exit "
                        + code + "): " + out.toString(StandardCharsets.UTF_8).strip(), code, null, null);
            }
        } catch (IOException e) {
            throw new TransportException("could not run git to store memory blocks (is git installed?): "
                    + e.getMessage(), null, null, e);
        }
    }
}
