package ai.letta.code.testkit.fakecloud;

import ai.letta.code.testkit.script.RecordedRequest;

/** The one API key the fake cloud accepts, as a Bearer header or (SDK sockets only) a {@code token} query. */
record ApiKeyCheck(String apiKey) {

    boolean bearer(RecordedRequest request) {
        return request.header("authorization").map(value -> value.equals("Bearer " + apiKey)).orElse(false);
    }

    boolean bearerOrToken(RecordedRequest request) {
        return bearer(request) || request.queryParameter("token").map(apiKey::equals).orElse(false);
    }
}
