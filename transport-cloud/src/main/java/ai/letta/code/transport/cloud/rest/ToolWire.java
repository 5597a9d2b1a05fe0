package ai.letta.code.transport.cloud.rest;

import ai.letta.code.api.agent.MemoryBlock;
import ai.letta.code.api.tool.ToolInfo;
import ai.letta.code.api.tool.ToolSearchResult;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Letta API's {@code Tool}, {@code ToolSearchResult} and {@code BlockResponse}, with every field this SDK does
 * not model kept in {@code extras}, and their mapping to sdk-api values.
 */
final class ToolWire {

    private ToolWire() {
    }

    /** {@code Tool}. */
    record Tool(String id, String name, @JsonProperty("tool_type") String toolType, String description,
            @JsonProperty("source_type") String sourceType, @JsonProperty("source_code") String sourceCode,
            List<String> tags, @JsonProperty("json_schema") Map<String, Object> jsonSchema,
            @JsonProperty("args_json_schema") Map<String, Object> argsJsonSchema,
            @JsonProperty("return_char_limit") Integer returnCharLimit,
            @JsonProperty("default_requires_approval") Boolean defaultRequiresApproval,
            @JsonProperty("metadata_") Map<String, Object> metadata,
            @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code ToolSearchResult}. */
    record SearchResult(Tool tool, @JsonProperty("combined_score") Double combinedScore,
            @JsonProperty("fts_rank") Integer ftsRank, @JsonProperty("vector_rank") Integer vectorRank,
            @JsonProperty("embedded_text") String embeddedText, @JsonAnySetter Map<String, Object> extras) {
    }

    /** {@code BlockResponse}. */
    record Block(String id, String label, String value, String description, Integer limit,
            @JsonProperty("read_only") Boolean readOnly, List<String> tags, Map<String, Object> metadata,
            @JsonAnySetter Map<String, Object> extras) {
    }

    static ToolInfo tool(Tool tool) {
        return ToolInfo.builder(tool.id()).name(tool.name()).toolType(tool.toolType()).description(tool.description())
                .sourceType(tool.sourceType()).sourceCode(tool.sourceCode()).tags(tool.tags())
                .jsonSchema(tool.jsonSchema()).argsJsonSchema(tool.argsJsonSchema())
                .returnCharLimit(tool.returnCharLimit()).defaultRequiresApproval(tool.defaultRequiresApproval())
                .metadata(tool.metadata()).extras(copy(tool.extras())).build();
    }

    static ToolSearchResult result(SearchResult result) {
        return new ToolSearchResult(tool(result.tool()), result.combinedScore() == null ? 0 : result.combinedScore(),
                result.ftsRank(), result.vectorRank(), result.embeddedText(), copy(result.extras()));
    }

    static MemoryBlock block(Block block) {
        return MemoryBlock.builder(block.label(), block.value() == null ? "" : block.value())
                .description(block.description())
                .limit(block.limit() == null || block.limit() < 0 ? 0 : block.limit())
                .readOnly(Boolean.TRUE.equals(block.readOnly())).id(block.id())
                .tags(block.tags() == null ? List.of() : block.tags().stream().filter(t -> t != null).toList())
                .metadata(block.metadata() == null ? Map.of() : block.metadata()).extras(copy(block.extras()))
                .build();
    }

    private static Map<String, Object> copy(Map<String, Object> extras) {
        return extras == null ? Map.of() : new LinkedHashMap<>(extras);
    }
}
