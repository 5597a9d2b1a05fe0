package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/agents/{id}/export}, {@code POST /v1/agents/import} ({@code multipart/form-data}, read with Netty's
 * {@link HttpPostRequestDecoder}) and {@code GET /v1/agents/{id}/context}. The export answers the agent file as a
 * JSON string holding the document, the shape the OpenAPI document declares ({@code type: string}; a Letta server
 * sends the object itself, and reads either back). The context overview counts tokens as characters / 4.
 */
final class AgentFileRoutes {

    private final LettaStore store;
    private final ToolStore tools;
    private final ConversationStore conversations;
    private final AgentFiles files;

    AgentFileRoutes(LettaStore store, ToolStore tools, ConversationStore conversations) {
        this.store = store;
        this.tools = tools;
        this.conversations = conversations;
        this.files = new AgentFiles(store, tools);
    }

    void register(Router router) {
        router.add("POST", "/v1/agents/import", this::importFile)
                .add("GET", "/v1/agents/{agent_id}/export", call -> files.export(call.path("agent_id"))
                        .ifPresentOrElse(file -> call.ok(JSON.getNodeFactory().stringNode(file.toPrettyString())),
                                () -> call.notFound("Agent " + call.path("agent_id"))))
                .add("GET", "/v1/agents/{agent_id}/context", this::context);
    }

    private void importFile(ApiCall call) {
        Map<String, String> form = new HashMap<>();
        String document = null;
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                call.request().path(), Unpooled.wrappedBuffer(call.request().body().getBytes(StandardCharsets.UTF_8)));
        call.request().headers().forEach((name, values) -> request.headers().add(name, values));
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            call.invalid("Field required", "body", "file");
            return;
        }
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload upload && data.getName().equals("file")) {
                    document = upload.getString(StandardCharsets.UTF_8);
                } else if (data instanceof Attribute attribute) {
                    form.put(attribute.getName(), attribute.getValue());
                }
            }
        } catch (IOException | HttpPostRequestDecoder.ErrorDataDecoderException e) {
            call.error(400, "Corrupted multipart body: " + e.getMessage());
            return;
        } finally {
            decoder.destroy();
            request.release();
        }
        if (document == null) {
            call.invalid("Field required", "body", "file");
            return;
        }
        try {
            JsonNode json = JSON.readTree(document);
            if (json.isString()) {
                json = JSON.readTree(json.stringValue()); // double-encoded, as the server accepts it
            }
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode ids = answer.putArray("agent_ids");
            files.importFile(json, form).forEach(ids::add);
            call.ok(answer);
        } catch (JacksonException e) {
            call.error(400, "Corrupted agent file format.");
        } catch (AgentFiles.Refused e) {
            call.error(400, e.getMessage());
        }
    }

    private void context(ApiCall call) {
        String agentId = call.path("agent_id");
        store.agent(agentId).ifPresentOrElse(agent -> call.ok(overview(agentId, agent)),
                () -> call.notFound("Agent " + agentId));
    }

    /** A {@code ContextWindowOverview} of the agent's real state. */
    private ObjectNode overview(String agentId, JsonNode agent) {
        String system = agent.path("system").asString("");
        StringBuilder core = new StringBuilder();
        for (JsonNode block : store.agentBlocks(agentId)) {
            String label = block.path("label").asString("");
            core.append('<').append(label).append(">\n").append(block.path("value").asString("")).append("\n</")
                    .append(label).append(">\n");
        }
        ArrayNode functions = JSON.createArrayNode();
        tools.attachedTo(agentId).forEach(tool -> functions.addObject().put("type", "function")
                .set("function", tool.path("json_schema").isObject() ? tool.get("json_schema").deepCopy()
                        : JSON.createObjectNode().put("name", tool.path("name").asString("tool"))));
        List<ObjectNode> history = conversations.agentMessages(agentId);
        int messageTokens = history.stream().mapToInt(m -> tokens(m.toString())).sum();
        String summary = history.size() + " previous messages between you and the user are stored in recall memory";
        ObjectNode overview = JSON.createObjectNode();
        overview.put("context_window_size_max", agent.path("llm_config").path("context_window").asInt(128000));
        int current = tokens(system) + tokens(core) + tokens(functions.toString()) + messageTokens + tokens(summary);
        overview.put("context_window_size_current", current).put("num_messages", history.size())
                .put("num_archival_memory", 0).put("num_recall_memory", history.size())
                .put("num_tokens_external_memory_summary", tokens(summary)).put("external_memory_summary", summary)
                .put("num_tokens_system", tokens(system)).put("system_prompt", system)
                .put("num_tokens_core_memory", tokens(core)).put("core_memory", core.toString())
                .put("num_tokens_summary_memory", 0).putNull("summary_memory")
                .put("num_tokens_functions_definitions", tokens(functions.toString()));
        overview.set("functions_definitions", functions);
        // In-context messages are the server's own Message objects, which the fake does not keep; counted only.
        overview.put("num_tokens_messages", messageTokens).putArray("messages");
        return overview;
    }

    private static int tokens(CharSequence text) {
        return (text.length() + 3) / 4;
    }
}
