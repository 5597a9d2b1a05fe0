package ai.letta.code.testkit.script;

import java.time.Duration;
import java.util.Objects;

/**
 * One instruction for a server-sent-events response, as a wire renderer produces them from a
 * {@link TurnScript.Step}: an event to write, or a timing or fault instruction for the player.
 */
public sealed interface SseFrame {

    /** An event: an optional {@code event:} name (null for a data-only frame) and its data text. */
    record Event(String event, String data) implements SseFrame {
        /**
         * Validates.
         *
         * @param event the event name, or null
         * @param data the data text
         */
        public Event {
            Objects.requireNonNull(data, "data");
        }

        /**
         * A data-only frame ({@code data: <data>}), the Letta and OpenAI default.
         *
         * @param data the data text
         * @return the frame
         */
        public static Event data(String data) {
            return new Event(null, data);
        }

        /**
         * @return the bytes on the wire: {@code event:} line if named, one {@code data:} line per text line, blank line
         */
        public String encode() {
            StringBuilder text = new StringBuilder();
            if (event != null) {
                text.append("event: ").append(event).append('\n');
            }
            for (String line : data.split("\n", -1)) {
                text.append("data: ").append(line).append('\n');
            }
            return text.append('\n').toString();
        }
    }

    /** Wait before the next frame. */
    record Pause(Duration duration) implements SseFrame {
        /**
         * Validates.
         *
         * @param duration the pause
         */
        public Pause {
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** Wait until the gate opens. */
    record Await(Gate gate) implements SseFrame {
        /**
         * Validates.
         *
         * @param gate the gate
         */
        public Await {
            Objects.requireNonNull(gate, "gate");
        }
    }

    /** Write nothing more; keep the connection open until the client or the server closes it. */
    record Hold() implements SseFrame {
    }

    /** Close the connection at once, without ending the chunked body. */
    record Drop() implements SseFrame {
    }
}
