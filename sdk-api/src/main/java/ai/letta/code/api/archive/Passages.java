package ai.letta.code.api.archive;

import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;
import java.util.List;

/**
 * Passages: the entries of archives, and an agent's archival memory (the passages of the archives attached to it).
 *
 * <pre>{@code
 * client.passages().insertMemory(agentId, PassageCreate.of("The user's cat is called Miso."));
 * for (PassageSearchResult hit : client.passages().searchMemory(agentId, PassageSearch.of("cat"))) {
 *     System.out.println(hit.text());
 * }
 * }</pre>
 *
 * <p>Offered by the cloud backend; on the others every method throws
 * {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it. Ids are checked before anything is
 * sent ({@link ai.letta.code.api.exception.ConfigurationException} naming the field). How well a search matches is
 * the server's business (Letta embeds and ranks by similarity). Thread-safe.
 */
public interface Passages {

    /**
     * Writes one passage into an archive ({@code POST /v1/archives/{archive_id}/passages}).
     *
     * @param archiveId the archive ({@code archive-…})
     * @param passage its text, tags, metadata and time
     * @return the passage as stored
     * @throws ai.letta.code.api.exception.NotFoundException if the archive is unknown
     */
    PassageInfo insert(String archiveId, PassageCreate passage);

    /**
     * Writes several passages into an archive in one request
     * ({@code POST /v1/archives/{archive_id}/passages/batch}).
     *
     * @param archiveId the archive
     * @param passages the passages, at least one
     * @return the passages as stored, in the order given
     * @throws ai.letta.code.api.exception.NotFoundException if the archive is unknown
     */
    List<PassageInfo> insertAll(String archiveId, List<PassageCreate> passages);

    /**
     * Deletes a passage of an archive ({@code DELETE /v1/archives/{archive_id}/passages/{passage_id}}).
     *
     * @param archiveId the archive
     * @param passageId the passage ({@code passage-…})
     * @throws ai.letta.code.api.exception.NotFoundException if either is unknown
     */
    void delete(String archiveId, String passageId);

    /**
     * Lists an agent's archival memory ({@code GET /v1/agents/{agent_id}/archival-memory}).
     *
     * @param agentId the agent ({@code agent-…})
     * @param page which page ({@link PageRequest#chronological()} for oldest first)
     * @return a page of passages
     * @throws ai.letta.code.api.exception.NotFoundException if the agent is unknown
     */
    Page<PassageInfo> listMemory(String agentId, PageRequest page);

    /**
     * Lists the passages of an agent's archival memory whose text matches {@code search}
     * ({@code GET /v1/agents/{agent_id}/archival-memory?search=…}).
     *
     * @param agentId the agent
     * @param search the text to look for
     * @param page which page
     * @return a page of passages
     * @throws ai.letta.code.api.exception.NotFoundException if the agent is unknown
     */
    Page<PassageInfo> listMemory(String agentId, String search, PageRequest page);

    /**
     * Writes a passage into an agent's archival memory ({@code POST /v1/agents/{agent_id}/archival-memory}); the
     * server may split a long text into several passages.
     *
     * @param agentId the agent
     * @param passage its text, tags and time (archival memory takes no metadata)
     * @return the passages as stored
     * @throws ai.letta.code.api.exception.ConfigurationException if the passage carries metadata
     * @throws ai.letta.code.api.exception.NotFoundException if the agent is unknown
     */
    List<PassageInfo> insertMemory(String agentId, PassageCreate passage);

    /**
     * Searches an agent's archival memory ({@code GET /v1/agents/{agent_id}/archival-memory/search} with
     * {@code query}, {@code tags}, {@code tag_match_mode}, {@code start_datetime}, {@code end_datetime} and the
     * limit as {@code top_k}).
     *
     * @param agentId the agent
     * @param search the query (required here), tags, window and most results; no agent or archive of its own
     * @return the hits, best first
     * @throws ai.letta.code.api.exception.ConfigurationException if the search has no query, or names an agent or
     *     archive (the path names the agent)
     * @throws ai.letta.code.api.exception.NotFoundException if the agent is unknown
     */
    List<PassageSearchResult> searchMemory(String agentId, PassageSearch search);

    /**
     * Deletes a passage of an agent's archival memory
     * ({@code DELETE /v1/agents/{agent_id}/archival-memory/{memory_id}}).
     *
     * @param agentId the agent
     * @param passageId the passage
     * @throws ai.letta.code.api.exception.NotFoundException if either is unknown
     */
    void deleteMemory(String agentId, String passageId);

    /**
     * Searches passages across archives ({@code POST /v1/passages/search}), optionally within one agent's memory
     * or one archive.
     *
     * @param search the query, tags, window, most results, agent and archive
     * @return the hits with their passages and scores, best first
     */
    List<PassageSearchResult> search(PassageSearch search);
}
