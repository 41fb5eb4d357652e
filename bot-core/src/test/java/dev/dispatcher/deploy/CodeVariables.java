package dev.dispatcher.deploy;

import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables the project reads: names quoted in the main Java sources of every module
 * ({@code "SLACK_BOT_TOKEN"}), placeholders in their resources ({@code ${DISPATCHER_LOG_LEVEL:-WARN}} in
 * logback.xml), and those the image's entry point reads ({@code DISPATCHER_JAVA_OPTS}).
 */
final class CodeVariables {

    private static final String NAME = "(?:SLACK|DISCORD|DISPATCHER)_[A-Z0-9_]+";
    private static final Pattern QUOTED = Pattern.compile("\"(" + NAME + ")\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(" + NAME + ")");

    private CodeVariables() {}

    static Set<String> read() {
        Set<String> names = new TreeSet<>();
        Path root = Repository.root();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                collect(module.resolve("src/main/java"), QUOTED, names);
                collect(module.resolve("src/main/resources"), PLACEHOLDER, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collect(root.resolve("deploy/entrypoint.sh"), PLACEHOLDER, names);
        return names;
    }

    private static void collect(Path where, Pattern pattern, Set<String> names) {
        if (!Files.exists(where)) {
            return;
        }
        try (Stream<Path> files = Files.walk(where)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // Latin-1 reads any bytes, so a binary resource cannot fail the scan.
                Matcher m = pattern.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
