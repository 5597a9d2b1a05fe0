package ai.letta.code.transport.local;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.exception.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Writes an agent's memory blocks the way the CLI's local backend stores them: one Markdown file per block in the
 * agent's memory repository ({@code ~/.letta/lc-local-backend/memfs/<agent>/memory/system/<label>.md}, front matter
 * {@code description}), committed with git (local-stdio.md §2.5). CLI 0.32.18 has no flag or stdio command for
 * persona, human or custom blocks, and the compiled system prompt is cached per conversation, so the caches of the
 * new agent's (still empty) conversations are dropped: every conversation then compiles the new blocks.
 */
final class MemfsBlocks {

    private static final Pattern DESCRIPTION = Pattern.compile("(?s)^---\\n(.*?)\\n---\\n");

    private final Path backendDir;
    private final boolean localBackend;

    /**
     * @param backendDir the local backend's storage ({@code $LETTA_LOCAL_BACKEND_DIR} or
     *     {@code $HOME/.letta/lc-local-backend})
     * @param localBackend whether the CLI runs on its local backend (only there do agents live in memfs)
     */
    MemfsBlocks(Path backendDir, boolean localBackend) {
        this.backendDir = backendDir;
        this.localBackend = localBackend;
    }

    boolean available() {
        return localBackend;
    }

    /**
     * @param agentId a freshly created agent
     * @param blocks its blocks, persona and human included
     */
    void write(String agentId, List<MemoryBlock> blocks) {
        Path repo = backendDir.resolve("memfs").resolve(agentId).resolve("memory");
        Path system = repo.resolve("system");
        try {
            Files.createDirectories(system);
            for (MemoryBlock block : blocks) {
                Path file = system.resolve(block.label() + ".md");
                String description = block.description() != null ? block.description() : existingDescription(file);
                String front = description == null ? "" : "---\ndescription: " + description.replace('\n', ' ')
                        + "\n---\n";
                Files.writeString(file, front + block.value(), StandardCharsets.UTF_8);
            }
            git(repo, "add", "-A");
            git(repo, "commit", "-q", "-m", "letta-code-java: initial memory blocks");
            dropCachedPrompts(agentId);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the memory blocks of " + agentId + " in " + repo, e);
        }
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

    private static void git(Path repo, String... args) {
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
            int code = executor.execute(line);
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
