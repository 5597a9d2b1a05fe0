package ai.letta.code.api.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One hit of a passage search. {@link Passages#search(PassageSearch)} answers the whole {@link #passage()} with a
 * {@link #score()}; an agent's archival-memory search ({@link Passages#searchMemory}) answers only the passage's id,
 * text, tags and time. Immutable; {@link #extras()} keeps the result's fields this SDK does not model (e.g. the
 * search's {@code metadata}).
 */
public final class PassageSearchResult {
    private final String id;
    private final String text;
    private final List<String> tags;
    private final Instant timestamp;
    private final Double score;
    private final PassageInfo passage;
    private final Map<String, Object> extras;

    /**
     * For transports, which decode it from their peer.
     *
     * @param id the passage id
     * @param text the passage's text
     * @param tags its tags ({@code null} for none)
     * @param timestamp the time it records, or {@code null}
     * @param score how well it matched (higher is better), or {@code null}
     * @param passage the whole passage, or {@code null}
     * @param extras the result's fields this SDK does not model ({@code null} for none)
     */
    public PassageSearchResult(String id, String text, List<String> tags, Instant timestamp, Double score,
            PassageInfo passage, Map<String, Object> extras) {
        this.id = id;
        this.text = text == null ? "" : text;
        this.tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
        this.timestamp = timestamp;
        this.score = score;
        this.passage = passage;
        this.extras = ArchiveInfo.copy(extras);
    }

    /** @return the passage id */
    public String id() {
        return id;
    }

    /** @return the passage's text */
    public String text() {
        return text;
    }

    /** @return its tags (empty for none) */
    public List<String> tags() {
        return tags;
    }

    /** @return the time it records, if known */
    public Optional<Instant> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** @return how well it matched (higher is better), if the server scores */
    public OptionalDouble score() {
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    /** @return the whole passage, where the search answers it */
    public Optional<PassageInfo> passage() {
        return Optional.ofNullable(passage);
    }

    /** @return the result's fields this SDK does not model, as plain Java values */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PassageSearchResult o && Objects.equals(id, o.id) && text.equals(o.text)
                && tags.equals(o.tags) && Objects.equals(timestamp, o.timestamp) && Objects.equals(score, o.score)
                && Objects.equals(passage, o.passage) && extras.equals(o.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, text, tags, timestamp, score, passage, extras);
    }

    @Override
    public String toString() {
        return "PassageSearchResult[id=" + id + ", text=" + text + ", tags=" + tags + ", timestamp=" + timestamp
                + ", score=" + score + ", extras=" + extras + "]";
    }
}
