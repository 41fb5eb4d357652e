package dev.dispatcher.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Reading one setting from the environment and checking it, the same way for every group of settings: a bad value
 * becomes an {@link IllegalArgumentException} whose message names the variable, which start-up turns into exit
 * status 2.
 */
public final class EnvironmentValues {

    private EnvironmentValues() {}

    /** The value, trimmed, or {@code null} when unset or blank. */
    public static String text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * An http or https URL with a host (never {@code javascript:} or a file), or {@code null} when unset.
     *
     * @param example shown in the error, e.g. {@code https://github.com/you/repo/blob/main}
     */
    public static String webUrl(Map<String, String> env, String name, String example) {
        String value = text(env, name);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an http(s) URL with a host, such as " + example + ", was '" + value
                + "'");
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when unset. */
    public static long wholeNumber(Map<String, String> env, String name, long fallback, long min, long max) {
        return wholeNumber(env, name, fallback, min, max, "a whole number");
    }

    /**
     * The same, naming what the number is in the error.
     *
     * @param what e.g. {@code a port number}
     */
    public static long wholeNumber(Map<String, String> env, String name, long fallback, long min, long max, String what) {
        String value = text(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be " + what + " from " + min + " to " + max + ", was '" + value + "'");
    }
}
