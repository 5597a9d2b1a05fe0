package ai.letta.code.api.tool;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One hit of {@link Tools#search} ({@code ToolSearchResult}): the tool, its combined score and, where the server
 * gives them, the ranks of each search mode and the text that was embedded. Immutable.
 */
public final class ToolSearchResult {
    private final ToolInfo tool;
    private final double combinedScore;
    private final Integer ftsRank;
    private final Integer vectorRank;
    private final String embeddedText;
    private final Map<String, Object> extras;

    /**
     * @param tool the tool found
     * @param combinedScore its score, higher is better
     * @param ftsRank its full-text rank, or {@code null}
     * @param vectorRank its vector rank, or {@code null}
     * @param embeddedText the text embedded for it, or {@code null}
     * @param extras the server's fields of the result the SDK does not model, or {@code null}
     */
    public ToolSearchResult(ToolInfo tool, double combinedScore, Integer ftsRank, Integer vectorRank,
            String embeddedText, Map<String, Object> extras) {
        this.tool = Objects.requireNonNull(tool, "tool");
        this.combinedScore = combinedScore;
        this.ftsRank = ftsRank;
        this.vectorRank = vectorRank;
        this.embeddedText = embeddedText;
        this.extras = ToolInfo.unmodifiable(extras);
    }

    /** @return the tool found */
    public ToolInfo tool() {
        return tool;
    }

    /** @return its score, higher is better */
    public double combinedScore() {
        return combinedScore;
    }

    /** @return its full-text rank, if given */
    public OptionalInt ftsRank() {
        return ftsRank == null ? OptionalInt.empty() : OptionalInt.of(ftsRank);
    }

    /** @return its vector rank, if given */
    public OptionalInt vectorRank() {
        return vectorRank == null ? OptionalInt.empty() : OptionalInt.of(vectorRank);
    }

    /** @return the text embedded for it, if given */
    public Optional<String> embeddedText() {
        return Optional.ofNullable(embeddedText);
    }

    /** @return the server's fields of the result the SDK does not model */
    public Map<String, Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolSearchResult r && tool.equals(r.tool)
                && Double.compare(combinedScore, r.combinedScore) == 0 && Objects.equals(ftsRank, r.ftsRank)
                && Objects.equals(vectorRank, r.vectorRank) && Objects.equals(embeddedText, r.embeddedText)
                && extras.equals(r.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tool, combinedScore, ftsRank, vectorRank, embeddedText, extras);
    }

    @Override
    public String toString() {
        return "ToolSearchResult[tool=" + tool.id() + " (" + tool.name().orElse("?") + "), combinedScore="
                + combinedScore + ", ftsRank=" + ftsRank + ", vectorRank=" + vectorRank + "]";
    }
}
