package ai.letta.code.examples;

import ai.letta.code.api.backend.Backend;
import ai.letta.code.api.backend.CloudOptions;
import ai.letta.code.api.backend.LocalOptions;
import ai.letta.code.api.backend.RemoteOptions;
import java.util.Map;

/**
 * Which backend the examples' {@code main}s talk to, read from the environment as a user's application would:
 * {@code LETTA_APP_SERVER_URL} set: a Letta Code app server ({@code LETTA_APP_SERVER_TOKEN} if it wants one);
 * else {@code LETTA_API_KEY} set: Letta Cloud; else the local CLI (found on {@code PATH}, through
 * {@code LETTA_CLI_PATH} or where {@code InstallPeers} put it). In your own code pick the one you use:
 * {@code LettaCode.create(Backend.local())}.
 */
public final class ExampleBackend {

    private ExampleBackend() {}

    /**
     * @param env the environment, usually {@code System.getenv()}
     * @return the backend the variables name
     */
    public static Backend fromEnvironment(Map<String, String> env) {
        if (isSet(env, "LETTA_APP_SERVER_URL")) {
            return RemoteOptions.fromEnvironment(env).build();
        }
        if (isSet(env, CloudOptions.API_KEY_VARIABLE)) {
            return CloudOptions.fromEnvironment(env).build();
        }
        return LocalOptions.builder().build();
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
