package dev.dispatcher.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole UTF-8 text file strictly, and says in words why it could not: not found, a folder, no permission, or
 * not valid UTF-8 (with the line and byte). Configuration, documents, templates and evaluation files are all read
 * through it, so "missing" never stands for "unreadable".
 */
public final class TextFile {

    /** The {@link Unreadable#reason()} of a file that does not exist. */
    public static final String NOT_FOUND = "not found";

    private TextFile() {}

    /**
     * @return the file's text
     * @throws Unreadable whose {@link Unreadable#reason()} says why, e.g. {@code not found}
     */
    public static String read(Path file) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable(file, "is a folder, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable(file, NOT_FOUND);
        } catch (AccessDeniedException e) {
            throw new Unreadable(file, "permission denied");
        } catch (IOException e) {
            throw new Unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return decode(file, bytes);
    }

    private static String decode(Path file, byte[] bytes) throws Unreadable {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Unreadable(file, "not valid UTF-8 text (line " + line + ", byte " + (at + 1)
                    + "); save it as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    /** A text file that could not be read, naming the file; {@link #reason()} alone is the why. */
    public static final class Unreadable extends IOException {

        private final Path file;
        private final String reason;

        Unreadable(Path file, String reason) {
            super(file + ": " + reason);
            this.file = file;
            this.reason = reason;
        }

        public Path file() {
            return file;
        }

        public String reason() {
            return reason;
        }
    }
}
