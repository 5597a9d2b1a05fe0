package ai.letta.code.api.group;

/**
 * Agent groups ({@code /v1/groups}), above all an agent's sleep-time group and its frequency. Offered by the
 * cloud backend; the others throw {@link ai.letta.code.api.exception.UnsupportedFeatureException} naming it.
 */
public interface Groups {
}
