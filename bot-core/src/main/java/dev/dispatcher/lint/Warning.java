package dev.dispatcher.lint;

/**
 * Something in a knowledge base that loads but probably does not do what its author meant.
 *
 * @param file    the file it is in, relative to the knowledge-base folder ({@code routing.yaml}, {@code backend/auth.md})
 * @param message one sentence: what, and what to do
 */
public record Warning(String file, String message) {

    @Override
    public String toString() {
        return file + ": " + message;
    }
}
