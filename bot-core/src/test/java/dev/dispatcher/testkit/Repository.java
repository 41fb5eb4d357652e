package dev.dispatcher.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's knowledge base and evaluation files are, for tests run by Maven or an IDE. */
public final class Repository {

    private Repository() {}

    /** The repository root: {@code dispatcher.root} as Surefire sets it, else the nearest folder holding knowledgebase/. */
    public static Path root() {
        String configured = System.getProperty("dispatcher.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "knowledgebase"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("knowledgebase"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no knowledgebase/ above the working directory)");
        }
        return dir;
    }

    public static Path knowledgebase() {
        return root().resolve("knowledgebase");
    }
}
