package dev.dispatcher.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a query string or of a {@code application/x-www-form-urlencoded} body. A field given twice, or a
 * malformed escape, is a {@link BadRequest}: the page never guesses which of two values was meant.
 */
final class FormFields {

    /** More than any form of the page sends; a longer body is refused before it is read whole. */
    static final int MAX_BYTES = 64 * 1024;

    private final Map<String, String> fields;

    private FormFields(Map<String, String> fields) {
        this.fields = fields;
    }

    static FormFields parse(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return new FormFields(fields);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.put(name, value) != null) {
                throw new BadRequest("the field '" + name + "' is given twice");
            }
        }
        return new FormFields(fields);
    }

    /** The field's value, or {@code null} when it is missing or empty. */
    String get(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The field's value as typed (surrounding spaces kept), or {@code null} when it is missing. */
    String raw(String name) {
        return fields.get(name);
    }

    /** The field's value; a missing or empty one is a {@link BadRequest}. */
    String required(String name) {
        String value = get(name);
        if (value == null) {
            throw new BadRequest("the field '" + name + "' is missing");
        }
        return value;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("the request is not properly URL-encoded");
        }
    }
}
