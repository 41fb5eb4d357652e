package dev.dispatcher.web;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the page and which changes it accepts. With {@code DISPATCHER_WEB_TOKEN} set, a request carries the
 * token ({@code Authorization: Bearer …}) or the session cookie the login form sets; without it the page is on
 * loopback and answers only requests addressed to this machine by name (no DNS rebinding). Every change is a POST
 * whose {@code csrf} field matches the {@code dispatcher_csrf} cookie (double submit) and whose {@code Origin}, when
 * the browser sends one, is this page. Thread-safe.
 */
final class Guard {

    static final String SESSION_COOKIE = "dispatcher_web_session";
    static final String CSRF_COOKIE = "dispatcher_csrf";

    /** The security headers of every response: no inline script, no framing, no sniffing, no referrer. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String token;
    private final String session;
    private final SecureRandom random = new SecureRandom();

    Guard(WebSettings settings) {
        this.token = settings.token();
        this.session = token == null ? null : HexFormat.of().formatHex(sha256("dispatcher-web-session:" + token));
    }

    /** Whether the request may see the page. */
    boolean admits(Headers headers) {
        if (token == null) {
            String host = headers.getFirst("Host");
            return host != null && LOCAL_NAMES.contains(hostName(host).toLowerCase(Locale.ROOT));
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ") && same(authorization.substring(7).strip(), token)) {
            return true;
        }
        return cookie(headers, SESSION_COOKIE).map(value -> same(value, session)).orElse(false);
    }

    /** Whether a token typed into the login form is the right one. */
    boolean tokenMatches(String typed) {
        return token != null && typed != null && same(typed, token);
    }

    /** The session cookie a correct login sets. */
    String sessionCookie() {
        return SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** The request's CSRF token, or a new one to set as a cookie (then {@link #csrfCookie} says how). */
    String csrfToken(Headers headers) {
        return cookie(headers, CSRF_COOKIE).filter(v -> v.matches("[0-9a-f]{64}")).orElseGet(() -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    static String csrfCookie(String value) {
        return CSRF_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** Whether a POST may change something: its form's token matches its cookie, and it comes from this page. */
    boolean allowsChange(Headers headers, FormFields form) {
        String origin = headers.getFirst("Origin");
        if (origin != null && !origin.equals("null")) {
            String host = headers.getFirst("Host");
            if (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
                return false;
            }
        }
        Optional<String> cookie = cookie(headers, CSRF_COOKIE);
        String field = form.get("csrf");
        return cookie.isPresent() && field != null && cookie.get().matches("[0-9a-f]{64}") && same(field, cookie.get());
    }

    private static Optional<String> cookie(Headers headers, String name) {
        for (String header : headers.getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String pair = part.strip();
                if (pair.startsWith(name + "=")) {
                    return Optional.of(pair.substring(name.length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
