package ai.letta.code.api.tool;

/**
 * The tools of a Letta API server ({@code /v1/tools}) and their attachment to agents. Offered by the cloud
 * backend; the others throw {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it.
 */
public interface Tools {
}
