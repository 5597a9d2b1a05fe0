package ai.letta.code.testkit.fakeapi;

import static ai.letta.code.testkit.fakeapi.AgentRoutes.deleted;
import static ai.letta.code.testkit.fakeapi.AgentRoutes.reply;
import static ai.letta.code.testkit.fakeapi.LettaStore.JSON;

/** {@code /v1/groups/...} and {@code /v1/agents/{id}/groups}: agent groups, above all sleep-time groups. */
final class GroupRoutes {

    private final LettaStore store;
    private final GroupStore groups;

    GroupRoutes(LettaStore store, GroupStore groups) {
        this.store = store;
        this.groups = groups;
    }

    void register(Router router) {
        router.add("GET", "/v1/groups/count", call -> call.ok(JSON.getNodeFactory().numberNode(
                        groups.list(call.query("manager_type")).size())))
                .add("GET", "/v1/groups", call -> call.ok(call.page(groups.list(call.query("manager_type")), "asc",
                        50)))
                .add("GET", "/v1/groups/{group_id}", call -> reply(call, "Group", groups.group(call.path("group_id"))))
                .add("PATCH", "/v1/groups/{group_id}", call -> reply(call, "Group",
                        groups.update(call.path("group_id"), call.body())))
                .add("DELETE", "/v1/groups/{group_id}", call -> deleted(call, "Group",
                        groups.delete(call.path("group_id"))))
                .add("GET", "/v1/agents/{agent_id}/groups", call -> {
                    if (!store.hasAgent(call.path("agent_id"))) {
                        call.notFound("Agent " + call.path("agent_id"));
                        return;
                    }
                    call.ok(call.page(groups.forAgent(call.path("agent_id"), call.query("manager_type")), "asc", 50));
                });
    }
}
