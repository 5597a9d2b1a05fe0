/**
 * The user API of the Letta Code SDK: {@link ai.letta.code.api.LettaCodeClient}, {@link ai.letta.code.api.Session}
 * and the values they take and give (the subpackages hold the events, options, resources and exceptions).
 *
 * <h2>Value types: one accessor per concept</h2>
 * <ul>
 *   <li>Each concept has one accessor, named for the concept (the builder's setter has the same name): no
 *       {@code getX}/{@code x} or {@code x}/{@code xOrNull} twins.</li>
 *   <li>A part that may be absent is returned as {@code Optional<T>} ({@code OptionalInt} for a count), never as
 *       {@code null}; a collection is never {@code null}, but empty. {@code Optional} appears in return types
 *       only, never as a field or parameter.</li>
 *   <li>So a value with an optional part is a {@code final} class with private fields, value-based
 *       {@code equals}/{@code hashCode}/{@code toString} (which never shows a secret); a value whose parts are
 *       all always present is a {@code record}. Values with many optional parts are made with a builder.</li>
 * </ul>
 *
 * <p>Types for transport implementers live in the SDK's SPI package; nothing here refers to them.
 */
package ai.letta.code.api;
