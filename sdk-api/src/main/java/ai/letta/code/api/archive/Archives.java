package ai.letta.code.api.archive;

/**
 * Archives (archival memory stores, {@code /v1/archives}) and their attachment to agents. Offered by the cloud
 * backend; the others throw {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it.
 */
public interface Archives {
}
