package ai.letta.code.testkit.fakecloud;

import java.util.regex.Pattern;

/**
 * A scripted failure for the next {@code remaining} HTTP requests whose method and path match.
 *
 * @param pathPattern        a regular expression the whole request path must match
 * @param body               the JSON body text (see {@link ErrorShape})
 * @param retryAfterSeconds  the {@code Retry-After} header value, or null for none
 */
record HttpFailure(String method, Pattern pathPattern, int status, String body, Integer retryAfterSeconds) {

    boolean matches(String requestMethod, String path) {
        return method.equalsIgnoreCase(requestMethod) && pathPattern.matcher(path).matches();
    }
}
