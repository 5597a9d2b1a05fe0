package ai.letta.code.api.agent;

import ai.letta.code.api.exception.ConfigurationException;
import ai.letta.code.internal.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An agent file ({@code .af}): the JSON document the Letta API exports an agent as, with its blocks, tools and
 * messages ({@code AgentFileSchema}), and imports back as new agents. This SDK keeps the text as the server wrote
 * it and checks only that it is a JSON object; the server validates the rest on import. Immutable.
 *
 * <pre>{@code
 * AgentFile file = client.agents().exportAgent(agentId);
 * file.writeTo(Path.of("reviewer.af"));
 * List<String> copies = client.agents().importAgent(AgentFile.read(Path.of("reviewer.af")));
 * }</pre>
 */
public final class AgentFile {
    private final String json;

    private AgentFile(String json) {
        this.json = json;
    }

    /**
     * @param json the document's JSON text
     * @return the agent file
     * @throws ConfigurationException if the text is blank or not a JSON object
     */
    public static AgentFile of(String json) {
        String text = Checks.requireText(json, "AgentFile.json");
        String start = text.stripLeading();
        if (!start.startsWith("{") || !text.stripTrailing().endsWith("}")) {
            throw new ConfigurationException("AgentFile.json must be a JSON object, an agent file (.af) as "
                    + "exportAgent returns it (starts with " + quote(start) + ")");
        }
        return new AgentFile(text);
    }

    /**
     * @param path an {@code .af} file
     * @return its contents (UTF-8)
     * @throws ConfigurationException if it cannot be read or is not a JSON object
     */
    public static AgentFile read(Path path) {
        Checks.requireNonNull(path, "path");
        try {
            return of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException("could not read the agent file " + path + " (" + e + ")", e);
        }
    }

    /** @return the document's JSON text, as the server wrote it */
    public String json() {
        return json;
    }

    /**
     * Writes the document (UTF-8), replacing the file if it exists.
     *
     * @param path where to write it
     * @return {@code path}
     * @throws ConfigurationException if it cannot be written
     */
    public Path writeTo(Path path) {
        Checks.requireNonNull(path, "path");
        try {
            return Files.writeString(path, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("could not write the agent file " + path + " (" + e
                    + "); check that its directory exists and is writable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentFile f && json.equals(f.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** @return its size, not its contents: an agent file can hold a whole history */
    @Override
    public String toString() {
        return "AgentFile[" + json.length() + " chars]";
    }

    private static String quote(String text) {
        return '"' + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + '"';
    }
}
