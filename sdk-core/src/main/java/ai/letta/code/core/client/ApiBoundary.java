package ai.letta.code.core.client;

import ai.letta.code.api.EventStream;
import ai.letta.code.api.LettaCodeClient;
import ai.letta.code.api.Session;
import ai.letta.code.api.agent.Agents;
import ai.letta.code.api.agent.Blocks;
import ai.letta.code.api.conversation.Conversations;
import ai.letta.code.api.exception.LettaCodeException;
import ai.letta.code.api.exception.TransportException;
import ai.letta.code.api.model.Models;
import ai.letta.code.api.archive.Archives;
import ai.letta.code.api.archive.Passages;
import ai.letta.code.api.group.Groups;
import ai.letta.code.api.message.Messages;
import ai.letta.code.api.tool.Tools;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The user API's edge: every call a user makes on the client, its sessions, streams and resource handles goes
 * through here, so whatever a layer below lets slip (a transport's {@code NullPointerException}, an
 * {@code UncheckedIOException}, a {@code CompletionException} around a typed failure) reaches the user as a
 * {@link LettaCodeException}, and the SDK's exception tree is the whole story of what its methods throw. Typed
 * exceptions pass unchanged; the known leaks are mapped where they arise, this only guarantees it.
 */
public final class ApiBoundary {
    /** Interfaces whose returned instances are guarded too. */
    private static final Set<Class<?>> GUARDED = Set.of(LettaCodeClient.class, Session.class, EventStream.class,
            Agents.class, Conversations.class, Blocks.class, Models.class, Tools.class, Archives.class, Passages.class,
            Messages.class, Groups.class);

    /** Whether {@link #prepareProxyClasses()} has been started in this JVM. */
    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    private ApiBoundary() {}

    /**
     * @param client the engine's client
     * @return the same client, behind the boundary
     */
    public static LettaCodeClient guard(LettaCodeClient client) {
        if (PREPARING.compareAndSet(false, true)) {
            Thread thread = new Thread(ApiBoundary::prepareProxyClasses, "letta-code-api-boundary-classes");
            thread.setDaemon(true);
            thread.start();
        }
        return guard(LettaCodeClient.class, client);
    }

    /**
     * Generates the proxy class of every guarded interface (the JDK keeps one per interface and class loader), once
     * per JVM, on a daemon thread started with the first client. Otherwise each is generated on first use: the
     * {@link Session}'s as the first session opens, the {@link EventStream}'s in the first turn. Generating them is
     * bytecode writing, and on a cold JVM it tips the JDK's bytecode writer into a C2 compilation that kept a core
     * busy for 80–170 ms during the user's first turn (measured on a 2-core machine, where the local CLI needs that
     * core for the turn). Started with the client, this overlaps the first session's start instead (a local CLI
     * boots for about a second).
     *
     * @return the proxy classes, one per guarded interface
     */
    static List<Class<?>> prepareProxyClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> type : GUARDED) {
            classes.add(Proxy.newProxyInstance(ApiBoundary.class.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> null).getClass());
        }
        return classes;
    }

    private static <T> T guard(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(ApiBoundary.class.getClassLoader(), new Class<?>[] {type},
                new Guard(target)));
    }

    /**
     * @param failure what a call threw
     * @param operation the call, for the message
     * @return the exception the user sees: the typed one if there is one inside, else one that wraps it
     */
    static LettaCodeException translate(Throwable failure, String operation) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause instanceof UndeclaredThrowableException || cause instanceof InvocationTargetException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LettaCodeException typed) {
            return typed;
        }
        if (cause instanceof UncheckedIOException io) {
            return new TransportException(operation + " failed on I/O: " + io.getMessage() + " (" + io.getCause()
                    + ")", null, null, io);
        }
        return new LettaCodeException(operation + " failed unexpectedly (" + cause
                + "); this is an SDK bug, please report it with the stack trace", cause);
    }

    private record Guard(Object target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            String operation = method.getDeclaringClass().getSimpleName() + "." + method.getName();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw translate(e.getCause(), operation);
            }
            if (result instanceof CompletableFuture<?> future) {
                return future.exceptionallyCompose(e -> CompletableFuture.failedFuture(translate(e, operation)));
            }
            Class<?> type = method.getReturnType();
            return result != null && GUARDED.contains(type) ? wrap(type, result) : result;
        }

        private Object objectMethod(Object proxy, Method method, Object[] args) throws Exception {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0] || (args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof Guard other && other.target == target);
                case "hashCode" -> System.identityHashCode(target);
                default -> method.invoke(target, args);
            };
        }

        @SuppressWarnings("unchecked")
        private static <T> T wrap(Class<T> type, Object value) {
            return guard(type, (T) value);
        }
    }
}
