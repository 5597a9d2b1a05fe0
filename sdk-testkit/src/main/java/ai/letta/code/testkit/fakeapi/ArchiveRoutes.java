package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.AgentRoutes.reply;
import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archives, passages and archival memory as the OpenAPI document has them: {@code /v1/archives/...},
 * {@code /v1/agents/{id}/archives/attach|detach/{archive_id}}, {@code /v1/agents/{id}/archival-memory[/search]}
 * and {@code POST /v1/passages/search}. Deletes of archives and their passages answer 204, the others 200.
 *
 * <p><b>Search is a text match, not embeddings:</b> a passage matches when its text contains the query
 * (case-insensitive; no query matches all), then the tag ({@code any}/{@code all}) and time filters apply; every
 * hit scores 1.0 and hits come oldest first. Enough to test that a query, its filters and the answers' shapes
 * round-trip, not ranking. A missing required field answers 422 with FastAPI's {@code detail[].loc}.
 */
final class ArchiveRoutes {

    private final LettaStore store;
    private final ArchiveStore archives;

    ArchiveRoutes(LettaStore store, ArchiveStore archives) {
        this.store = store;
        this.archives = archives;
    }

    void register(Router router) {
        router.add("GET", "/v1/archives", this::list)
                .add("POST", "/v1/archives", this::create)
                .add("GET", "/v1/archives/{archive_id}", call -> reply(call, "Archive " + call.path("archive_id"),
                        archives.archive(call.path("archive_id"))))
                .add("PATCH", "/v1/archives/{archive_id}", call -> reply(call, "Archive " + call.path("archive_id"),
                        archives.updateArchive(call.path("archive_id"), call.body())))
                .add("DELETE", "/v1/archives/{archive_id}", call -> noContent(call,
                        "Archive " + call.path("archive_id"), archives.deleteArchive(call.path("archive_id"))))
                .add("GET", "/v1/archives/{archive_id}/agents", this::agents)
                .add("POST", "/v1/archives/{archive_id}/passages/batch", this::addPassages)
                .add("POST", "/v1/archives/{archive_id}/passages", this::addPassage)
                .add("DELETE", "/v1/archives/{archive_id}/passages/{passage_id}", call -> noContent(call,
                        "Passage " + call.path("passage_id"), archives.deletePassage(
                                List.of(call.path("archive_id")), call.path("passage_id"))))
                .add("PATCH", "/v1/agents/{agent_id}/archives/attach/{archive_id}", call -> link(call, true))
                .add("PATCH", "/v1/agents/{agent_id}/archives/detach/{archive_id}", call -> link(call, false))
                .add("GET", "/v1/agents/{agent_id}/archival-memory/search", this::searchMemory)
                .add("GET", "/v1/agents/{agent_id}/archival-memory", this::listMemory)
                .add("POST", "/v1/agents/{agent_id}/archival-memory", this::addMemory)
                .add("DELETE", "/v1/agents/{agent_id}/archival-memory/{memory_id}", this::deleteMemory)
                .add("POST", "/v1/passages/search", this::search);
    }

    private void create(ApiCall call) {
        if (!call.body().path("name").isString()) {
            invalid(call, "body", "name");
            return;
        }
        call.ok(archives.createArchive(call.body()));
    }

    private void list(ApiCall call) {
        Optional<String> agentId = call.query("agent_id");
        List<String> ofAgent = agentId.map(archives::archivesOf).orElse(List.of());
        List<ObjectNode> found = archives.archives().stream()
                .filter(a -> call.query("name").map(n -> n.equals(a.path("name").asString())).orElse(true))
                .filter(a -> agentId.isEmpty() || ofAgent.contains(a.path("id").asString()))
                .toList();
        call.ok(call.page(found, "desc", 50));
    }

    private void agents(ApiCall call) {
        if (archives.archive(call.path("archive_id")).isEmpty()) {
            call.notFound("Archive " + call.path("archive_id"));
            return;
        }
        List<ObjectNode> agents = archives.agentsOf(call.path("archive_id")).stream().map(store::agent)
                .flatMap(Optional::stream).toList();
        call.ok(call.page(agents, "desc", 50));
    }

    private void addPassage(ApiCall call) {
        if (!call.body().path("text").isString()) {
            invalid(call, "body", "text");
            return;
        }
        reply(call, "Archive " + call.path("archive_id"), archives.addPassage(call.path("archive_id"), call.body()));
    }

    private void addPassages(ApiCall call) {
        JsonNode batch = call.body().path("passages");
        if (!batch.isArray()) {
            invalid(call, "body", "passages");
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).path("text").isString()) {
                invalid(call, "body", "passages", i, "text");
                return;
            }
        }
        if (archives.archive(call.path("archive_id")).isEmpty()) {
            call.notFound("Archive " + call.path("archive_id"));
            return;
        }
        List<ObjectNode> added = new ArrayList<>();
        batch.forEach(body -> archives.addPassage(call.path("archive_id"), body).ifPresent(added::add));
        call.okList(added);
    }

    private void link(ApiCall call, boolean attach) {
        withAgent(call, agent -> {
            if (archives.attach(call.path("agent_id"), call.path("archive_id"), attach)) {
                call.ok(store.agent(call.path("agent_id")).orElse(agent));
            } else {
                call.notFound("Archive " + call.path("archive_id"));
            }
        });
    }

    private void listMemory(ApiCall call) {
        withAgent(call, agent -> {
            String needle = call.query("search").orElse(null);
            List<ObjectNode> memory = archives.passagesOf(archives.archivesOf(call.path("agent_id"))).stream()
                    .filter(p -> contains(p, needle)).toList();
            boolean ascending = call.query("ascending").map(Boolean::parseBoolean).orElse(true);
            call.ok(call.page(memory, ascending ? "asc" : "desc", 100));
        });
    }

    private void addMemory(ApiCall call) {
        if (!call.body().path("text").isString()) {
            invalid(call, "body", "text");
            return;
        }
        withAgent(call, agent -> call.okList(List.of(archives.addMemory(call.path("agent_id"),
                agent.path("name").asString("agent"), call.body()))));
    }

    private void deleteMemory(ApiCall call) {
        withAgent(call, agent -> {
            if (archives.deletePassage(archives.archivesOf(call.path("agent_id")), call.path("memory_id"))) {
                call.ok(JSON.createObjectNode());
            } else {
                call.notFound("Passage " + call.path("memory_id"));
            }
        });
    }

    private void searchMemory(ApiCall call) {
        Optional<String> query = call.query("query");
        if (query.isEmpty()) {
            invalid(call, "query", "query");
            return;
        }
        withAgent(call, agent -> {
            List<String> tags = call.request().queryParameters().getOrDefault("tags", List.of());
            boolean all = call.query("tag_match_mode").map("all"::equals).orElse(false);
            Instant start = instant(call.query("start_datetime").orElse(null));
            Instant end = instant(call.query("end_datetime").orElse(null));
            int topK = call.queryInt("top_k", Integer.MAX_VALUE);
            ArrayNode results = JSON.createArrayNode();
            archives.passagesOf(archives.archivesOf(call.path("agent_id"))).stream()
                    .filter(p -> matches(p, query.get(), tags, all, start, end)).limit(Math.max(topK, 0))
                    .forEach(p -> {
                        ObjectNode hit = results.addObject().put("id", p.path("id").asString())
                                .put("timestamp", p.path("created_at").asString())
                                .put("content", p.path("text").asString(""));
                        hit.set("tags", p.path("tags").isArray() ? p.get("tags").deepCopy() : JSON.createArrayNode());
                    });
            ObjectNode body = JSON.createObjectNode();
            body.set("results", results);
            call.ok(body.put("count", results.size()));
        });
    }

    private void search(ApiCall call) {
        JsonNode body = call.body();
        List<String> scope;
        if (body.path("archive_id").isString()) {
            scope = List.of(body.get("archive_id").stringValue());
        } else if (body.path("agent_id").isString()) {
            scope = archives.archivesOf(body.get("agent_id").stringValue());
        } else {
            scope = null;
        }
        List<String> tags = new ArrayList<>();
        body.path("tags").forEach(tag -> tags.add(tag.asString()));
        boolean all = "all".equals(body.path("tag_match_mode").asString("any"));
        String query = body.path("query").isString() ? body.get("query").stringValue() : null;
        Instant start = instant(body.path("start_date").asString(null));
        Instant end = instant(body.path("end_date").asString(null));
        int limit = body.path("limit").asInt(50);
        List<ObjectNode> hits = new ArrayList<>();
        (scope == null ? archives.passages() : archives.passagesOf(scope)).stream()
                .filter(p -> matches(p, query, tags, all, start, end)).limit(Math.max(limit, 0)).forEach(p -> {
                    ObjectNode hit = JSON.createObjectNode();
                    hit.set("passage", p);
                    hit.put("score", 1.0).putObject("metadata");
                    hits.add(hit);
                });
        call.okList(hits);
    }

    private static boolean matches(JsonNode passage, String query, List<String> tags, boolean all, Instant start,
            Instant end) {
        if (!contains(passage, query)) {
            return false;
        }
        List<String> has = new ArrayList<>();
        passage.path("tags").forEach(tag -> has.add(tag.asString()));
        if (!tags.isEmpty() && !(all ? has.containsAll(tags) : tags.stream().anyMatch(has::contains))) {
            return false;
        }
        Instant at = instant(passage.path("created_at").asString(null));
        return (start == null || at != null && !at.isBefore(start)) && (end == null || at != null && !at.isAfter(end));
    }

    private static boolean contains(JsonNode passage, String query) {
        return query == null || passage.path("text").asString("").toLowerCase(Locale.ROOT)
                .contains(query.toLowerCase(Locale.ROOT));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void withAgent(ApiCall call, Consumer<ObjectNode> action) {
        Optional<ObjectNode> agent = store.agent(call.path("agent_id"));
        if (agent.isEmpty()) {
            call.notFound("Agent " + call.path("agent_id"));
        } else {
            action.accept(agent.get());
        }
    }

    private static void noContent(ApiCall call, String what, boolean existed) {
        if (existed) {
            call.exchange().respond(204, "application/json", "");
        } else {
            call.notFound(what);
        }
    }

    /** FastAPI's 422 for a missing required field: {@code {"detail":[{"loc":[...],"msg","type"}]}}. */
    private static void invalid(ApiCall call, Object... loc) {
        ObjectNode error = JSON.createObjectNode();
        ArrayNode path = error.putArray("loc");
        for (Object part : loc) {
            if (part instanceof Integer index) {
                path.add(index);
            } else {
                path.add(part.toString());
            }
        }
        error.put("msg", "Field required").put("type", "missing");
        ObjectNode body = JSON.createObjectNode();
        body.putArray("detail").add(error);
        call.exchange().respondJson(422, body);
    }
}
