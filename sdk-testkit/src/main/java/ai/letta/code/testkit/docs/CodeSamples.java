package ai.letta.code.testkit.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The code samples of the documentation, compiled: {@code ```java} blocks of a Markdown file and
 * the {@code pre} code blocks of Javadoc. A sample is a fragment a reader would paste into a method: its
 * {@code import} lines are lifted to the top, the rest becomes a method body; a sample without a {@code ;} is a list
 * of expressions, one per line; a sample that starts with a type declaration stays a type. Variables a sample uses without declaring ({@code client}, {@code session}, ...)
 * become the method's parameters, typed by the context the caller gives; any other compile error is a problem.
 */
public final class CodeSamples {
    private static final Pattern MARKDOWN_JAVA = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVADOC_CODE = Pattern.compile("<pre>\\{@code(.*?)}</pre>", Pattern.DOTALL);
    private static final Pattern FREE_VARIABLE = Pattern.compile("symbol:\\s+variable (\\w+)");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^\\s*(@[\\w.]+(\\([^)]*\\))?\\s+)*((public|abstract|final)\\s+)*(class|record|interface|enum)\\s");

    /**
     * A sample and where it is.
     *
     * @param origin the file and line, for messages
     * @param code the sample's text
     */
    public record Sample(String origin, String code) {}

    private final List<String> imports;
    private final Map<String, String> context;

    private CodeSamples(List<String> imports, Map<String, String> context) {
        this.imports = List.copyOf(imports);
        this.context = Map.copyOf(context);
    }

    /**
     * @param imports the on-demand imports every sample gets: packages ({@code ai.letta.code.api.event}) or, after
     *     {@code static }, classes
     * @param context the type of each variable a sample may use without declaring it, by name
     * @return a compiler for samples
     */
    public static CodeSamples compiledWith(List<String> imports, Map<String, String> context) {
        return new CodeSamples(imports, context);
    }

    /**
     * @param file a Markdown file
     * @return its {@code ```java} blocks
     */
    public static List<Sample> inMarkdown(Path file) {
        String text = read(file);
        List<Sample> samples = new ArrayList<>();
        Matcher matcher = MARKDOWN_JAVA.matcher(text);
        while (matcher.find()) {
            samples.add(new Sample(file + ":" + line(text, matcher.start()), matcher.group(1)));
        }
        return samples;
    }

    /**
     * @param sourceRoot a source tree ({@code src/main/java})
     * @return the {@code pre} code blocks of its Javadoc, unescaped
     */
    public static List<Sample> inJavadoc(Path sourceRoot) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Sample> samples = new ArrayList<>();
        for (Path file : files) {
            String text = read(file);
            Matcher matcher = JAVADOC_CODE.matcher(text);
            while (matcher.find()) {
                String code = matcher.group(1).lines()
                        .map(l -> l.replaceFirst("^\\s*\\* ?", ""))
                        .collect(Collectors.joining("\n"))
                        .replace("&lt;", "<").replace("&gt;", ">").replace("&#64;", "@").replace("&amp;", "&");
                samples.add(new Sample(file + ":" + line(text, matcher.start()), code));
            }
        }
        return samples;
    }

    /**
     * Compiles each sample on its own against this JVM's class path.
     *
     * @param samples the samples
     * @return one message per sample that does not compile (empty when all do)
     */
    public List<String> problems(List<Sample> samples) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            Set<String> parameters = new LinkedHashSet<>();
            List<Diagnostic<? extends JavaFileObject>> errors = compile(compiler, i, sample, parameters);
            Set<String> free = new LinkedHashSet<>();
            for (Diagnostic<? extends JavaFileObject> error : errors) {
                Matcher matcher = FREE_VARIABLE.matcher(error.getMessage(Locale.ROOT));
                if (matcher.find() && context.containsKey(matcher.group(1))) {
                    free.add(matcher.group(1));
                }
            }
            if (!free.isEmpty()) {
                parameters.addAll(free);
                errors = compile(compiler, i, sample, parameters);
            }
            if (!errors.isEmpty()) {
                String source = source("Sample" + i, sample.code(), parameters);
                List<String> lines = source.lines().collect(Collectors.toList());
                problems.add(sample.origin() + ": " + errors.stream()
                        .map(e -> e.getMessage(Locale.ROOT) + " at `" + lines.get((int) e.getLineNumber() - 1).strip()
                                + "`")
                        .collect(Collectors.joining("; ")));
            }
        }
        return problems;
    }

    private List<Diagnostic<? extends JavaFileObject>> compile(JavaCompiler compiler, int index, Sample sample,
            Set<String> parameters) {
        String className = "Sample" + index;
        String source = source(className, sample.code(), parameters);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out;
        try {
            out = Files.createTempDirectory("code-samples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-Xlint:none", "-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            compiler.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(out);
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .collect(Collectors.toList());
    }

    private String source(String className, String code, Set<String> parameters) {
        List<String> own = code.lines().filter(l -> l.startsWith("import ")).collect(Collectors.toList());
        List<String> body = code.lines().filter(l -> !l.startsWith("import ")).collect(Collectors.toList());
        Map<String, String> declared = new LinkedHashMap<>();
        parameters.forEach(name -> declared.put(name, context.get(name)));
        StringBuilder source = new StringBuilder();
        imports.forEach(pkg -> source.append("import ").append(pkg).append(".*;"));
        source.append("\n");
        own.forEach(line -> source.append(line).append("\n"));
        if (TYPE_DECLARATION.matcher(String.join("\n", body).strip()).lookingAt()) {
            body.forEach(line -> source.append(line).append("\n"));
            return source.toString();
        }
        if (!code.contains(";")) {
            List<String> expressions = new ArrayList<>();
            for (String line : body) {
                String expression = line.replaceFirst("\\s{2,}//.*$", "").strip();
                if (!expression.isEmpty()) {
                    expressions.add("Object expression" + expressions.size() + " = " + expression + ";");
                }
            }
            body = expressions;
        }
        source.append("class ").append(className).append(" { void run(")
                .append(declared.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")))
                .append(") throws Exception {\n");
        body.forEach(line -> source.append(line).append("\n"));
        source.append("}}\n");
        return source.toString();
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
