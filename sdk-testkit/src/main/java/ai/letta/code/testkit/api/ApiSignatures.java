package ai.letta.code.testkit.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of one module as sorted text lines: every public type of the given packages (nested ones too),
 * its supertypes and permitted subtypes, and its public and protected members with their generic signatures. Two
 * dumps differ exactly when the API a user compiles against changed.
 */
public final class ApiSignatures {
    private ApiSignatures() {}

    /**
     * @param anchor any class of the module; its code source (a jar or a classes directory) is scanned
     * @param packages the API packages; a package's subpackages are included when it ends in {@code ..}
     * @return one line per type and per member, types in name order, each followed by its members
     */
    public static List<String> of(Class<?> anchor, List<String> packages) {
        List<String> lines = new ArrayList<>();
        for (String name : classNames(anchor)) {
            if (inPackages(name, packages)) {
                Class<?> type = load(name, anchor.getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    describe(type, lines);
                }
            }
        }
        return lines;
    }

    /**
     * @param lines a dump from {@link #of}
     * @return how many types it lists
     */
    public static long typeCount(List<String> lines) {
        return lines.stream().filter(line -> !line.startsWith(" ")).count();
    }

    private static void describe(Class<?> type, List<String> lines) {
        lines.add(header(type));
        List<String> members = new ArrayList<>();
        Stream.of(type.getDeclaredConstructors(), type.getDeclaredMethods(), type.getDeclaredFields())
                .flatMap(Arrays::stream)
                .filter(ApiSignatures::visible)
                .map(ApiSignatures::signature)
                .forEach(members::add);
        members.sort(null);
        members.forEach(member -> lines.add("  " + member));
        Arrays.stream(type.getDeclaredClasses())
                .filter(nested -> Modifier.isPublic(nested.getModifiers())
                        || Modifier.isProtected(nested.getModifiers()))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .forEach(nested -> describe(nested, lines));
    }

    private static String header(Class<?> type) {
        // JDK 20+ prints "sealed"/"non-sealed" among the modifiers, JDK 17 does not: the dump is the same on both
        // (the permits list below says what sealing says).
        StringBuilder header = new StringBuilder(type.toGenericString().replace("non-sealed ", "")
                .replace("sealed ", ""));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            header.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            header.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            header.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return header.toString();
    }

    private static boolean visible(Member member) {
        int modifiers = member.getModifiers();
        boolean exposed = Modifier.isPublic(modifiers)
                || (Modifier.isProtected(modifiers) && !Modifier.isFinal(member.getDeclaringClass().getModifiers()));
        boolean generated = member.isSynthetic() || (member instanceof Method method && method.isBridge());
        return exposed && !generated;
    }

    private static String signature(Member member) {
        if (member instanceof Executable executable) {
            return executable.toGenericString();
        }
        return ((Field) member).toGenericString();
    }

    private static boolean inPackages(String className, List<String> packages) {
        String pkg = className.substring(0, Math.max(0, className.lastIndexOf('.')));
        return packages.stream().anyMatch(p -> p.endsWith("..")
                ? pkg.equals(p.substring(0, p.length() - 2)) || pkg.startsWith(p.substring(0, p.length() - 1))
                : pkg.equals(p));
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("listed but not loadable: " + name, e);
        }
    }

    private static List<String> classNames(Class<?> anchor) {
        Path location;
        try {
            location = Path.of(Objects.requireNonNull(anchor.getProtectionDomain().getCodeSource()).getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try {
            Stream<String> entries;
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    entries = files.map(file -> location.relativize(file).toString().replace('\\', '/'))
                            .collect(Collectors.toList()).stream();
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    entries = jar.stream().map(entry -> entry.getName()).collect(Collectors.toList()).stream();
                }
            }
            return entries.filter(entry -> entry.endsWith(".class") && !entry.contains("$")
                            && !entry.endsWith("module-info.class") && !entry.endsWith("package-info.class"))
                    .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
