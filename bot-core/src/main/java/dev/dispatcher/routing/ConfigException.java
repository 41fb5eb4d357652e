package dev.dispatcher.routing;

import java.nio.file.Path;

/** A configuration file that cannot be used, naming the file and the field so the fix is obvious. */
public final class ConfigException extends RuntimeException {

    private final Path file;
    private final String field;

    public ConfigException(Path file, String field, String problem) {
        super(file + (field.isEmpty() ? "" : ": " + field) + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }
}
