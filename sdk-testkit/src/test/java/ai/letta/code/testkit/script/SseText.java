package ai.letta.code.testkit.script;

import java.util.ArrayList;
import java.util.List;

/** Splits a complete SSE response body into its events, so tests can assert frame by frame. */
public final class SseText {

    private SseText() {
    }

    /** The events of {@code body}, in order. */
    public static List<SseFrame.Event> events(String body) {
        List<SseFrame.Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String event = null;
            List<String> data = new ArrayList<>();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
            events.add(new SseFrame.Event(event, String.join("\n", data)));
        }
        return events;
    }
}
