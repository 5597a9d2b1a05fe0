package ai.letta.code.core.turn;

import java.util.Objects;

/**
 * Chooses the text of a turn's {@code Result} as the CLI does for its {@code result} line (local-stdio.md §3.2):
 * the last assistant message, else the last reasoning, else the last tool output, else none. A message counts whole,
 * also when a {@link QuietFlush} emitted it in parts that share its id. Not thread-safe.
 */
public final class ResultText {

    private final Message assistant = new Message();
    private final Message reasoning = new Message();
    private String toolOutput;

    /** Creates an empty choice (a turn that has streamed nothing). */
    public ResultText() {
    }

    /**
     * @param id the message's id, or {@code null}
     * @param chunk a chunk of an assistant message
     */
    public void assistant(String id, String chunk) {
        assistant.add(id, chunk);
    }

    /**
     * @param id the message's id, or {@code null}
     * @param chunk a chunk of a reasoning message
     */
    public void reasoning(String id, String chunk) {
        reasoning.add(id, chunk);
    }

    /** @param output a tool's output, or {@code null} */
    public void toolOutput(String output) {
        if (output != null) {
            toolOutput = output;
        }
    }

    /** @return the chosen text, or {@code null} when the turn streamed none */
    public String text() {
        return assistant.text != null ? assistant.text.toString()
                : reasoning.text != null ? reasoning.text.toString() : toolOutput;
    }

    /** The last message of one kind: chunks of the same id add to it, another id starts it over. */
    private static final class Message {
        private String id;
        private StringBuilder text;

        void add(String chunkId, String chunk) {
            if (text == null || !Objects.equals(id, chunkId)) {
                id = chunkId;
                text = new StringBuilder();
            }
            text.append(chunk);
        }
    }
}
