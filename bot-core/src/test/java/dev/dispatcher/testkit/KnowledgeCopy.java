package dev.dispatcher.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's knowledge base copied into a test's folder, so a test can change one thing a team would change
 * (a convention in {@code routing.yaml}) and route on the rest as it ships.
 */
public final class KnowledgeCopy {

    private final Path root;

    private KnowledgeCopy(Path root) {
        this.root = root;
    }

    /** Copies {@code knowledgebase/} into {@code folder/knowledgebase}. */
    public static KnowledgeCopy in(Path folder) {
        Path source = Repository.knowledgebase();
        Path target = folder.resolve("knowledgebase");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnowledgeCopy(target);
    }

    /** Swaps a convention's owner and alternative, as a team that follows the other way would. */
    public KnowledgeCopy swapConvention(String kind) {
        Path routing = root.resolve("routing.yaml");
        try {
            String yaml = Files.readString(routing);
            Matcher m = Pattern.compile("(\\n  " + Pattern.quote(kind) + ":[^\\n]*\\n    owner: )(\\S+)(\\n    alternative: )(\\S+)")
                    .matcher(yaml);
            if (!m.find()) {
                throw new IllegalArgumentException("routing.yaml has no convention '" + kind + "'");
            }
            String swapped = m.replaceFirst("$1" + Matcher.quoteReplacement(m.group(4)) + "$3" + Matcher.quoteReplacement(m.group(2)));
            Files.writeString(routing, swapped);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }
}
