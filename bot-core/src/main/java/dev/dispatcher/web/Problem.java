package dev.dispatcher.web;

/**
 * An error page: what went wrong in one sentence, never a stack trace.
 *
 * @param status  the HTTP status
 * @param title   e.g. {@code Bad request}
 * @param message what to change
 * @param login   whether to offer the token form
 */
public record Problem(int status, String title, String message, boolean login) {}
