package ai.letta.code.api.archive;

import ai.letta.code.api.agent.AgentInfo;
import ai.letta.code.api.conversation.Page;
import ai.letta.code.api.conversation.PageRequest;

/**
 * Archives ({@code /v1/archives}): named stores of passages that agents attach to, search and write as their
 * archival memory. Their passages are written and searched through {@link Passages}.
 *
 * <pre>{@code
 * ArchiveInfo archive = client.archives().create(ArchiveCreate.builder("research").build());
 * client.archives().attach(agentId, archive.id());
 * }</pre>
 *
 * <p>Offered by the cloud backend; on the others every method throws
 * {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it. Ids are checked before anything is
 * sent ({@link ai.letta.code.api.exception.ConfigurationException} naming the field: blank, a {@code /}, or an id
 * of another kind such as a {@code conv-…} id for an archive). Thread-safe.
 */
public interface Archives {

    /**
     * Creates an archive ({@code POST /v1/archives/}).
     *
     * @param archive its name, description and embedding model
     * @return the archive as stored
     */
    ArchiveInfo create(ArchiveCreate archive);

    /**
     * Fetches an archive ({@code GET /v1/archives/{archive_id}}).
     *
     * @param archiveId the archive ({@code archive-…})
     * @return it
     * @throws ai.letta.code.api.exception.NotFoundException if unknown
     */
    ArchiveInfo get(String archiveId);

    /**
     * Changes an archive's name or description ({@code PATCH /v1/archives/{archive_id}}), only the fields set.
     *
     * @param archiveId the archive
     * @param update what changes
     * @return the archive as stored after the change
     * @throws ai.letta.code.api.exception.NotFoundException if unknown
     */
    ArchiveInfo update(String archiveId, ArchiveUpdate update);

    /**
     * Deletes an archive and its passages ({@code DELETE /v1/archives/{archive_id}}).
     *
     * @param archiveId the archive
     * @throws ai.letta.code.api.exception.NotFoundException if unknown
     */
    void delete(String archiveId);

    /**
     * Lists archives ({@code GET /v1/archives/} with {@code name}, {@code agent_id} and the page's cursors).
     *
     * @param filter which archives ({@link ArchiveFilter#all()} for every one)
     * @param page which page; {@link Page#autoPager()} walks the rest
     * @return a page of archives
     */
    Page<ArchiveInfo> list(ArchiveFilter filter, PageRequest page);

    /**
     * Lists the agents an archive is attached to ({@code GET /v1/archives/{archive_id}/agents}).
     *
     * @param archiveId the archive
     * @param page which page
     * @return a page of agents
     * @throws ai.letta.code.api.exception.NotFoundException if the archive is unknown
     */
    Page<AgentInfo> agents(String archiveId, PageRequest page);

    /**
     * Attaches an archive to an agent, whose archival memory then includes it
     * ({@code PATCH /v1/agents/{agent_id}/archives/attach/{archive_id}}).
     *
     * @param agentId the agent ({@code agent-…})
     * @param archiveId the archive ({@code archive-…})
     * @throws ai.letta.code.api.exception.NotFoundException if either is unknown
     */
    void attach(String agentId, String archiveId);

    /**
     * Detaches an archive from an agent ({@code PATCH /v1/agents/{agent_id}/archives/detach/{archive_id}}); the
     * archive and its passages stay.
     *
     * @param agentId the agent
     * @param archiveId the archive
     * @throws ai.letta.code.api.exception.NotFoundException if either is unknown
     */
    void detach(String agentId, String archiveId);
}
