package dev.dispatcher.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the web page in tests: keeps cookies, does not follow redirects (tests look at
 * them), and sends forms with the CSRF token the page set, as the page's own forms do.
 */
public final class WebSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String authorization;

    public WebSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends {@code Authorization: Bearer TOKEN} with every request from now on. */
    public WebSession withToken(String token) {
        this.authorization = "Bearer " + token;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the page's CSRF token (load a page first, which sets it). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.putIfAbsent("csrf", csrf());
        return postExactly(path, form);
    }

    /** Posts exactly these fields: no CSRF token unless given. */
    public HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The CSRF cookie the page set, or an empty string. */
    public String csrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("dispatcher_csrf"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
