package ai.letta.code.api.archive;

/**
 * Passages: the entries of archives and of an agent's archival memory. Offered by the cloud backend; the others
 * throw {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it.
 */
public interface Passages {
}
