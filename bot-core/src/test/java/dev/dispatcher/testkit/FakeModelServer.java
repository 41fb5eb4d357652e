package dev.dispatcher.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A model provider on loopback for tests that drive LangChain4j's real HTTP clients: each request is answered the way
 * the test scripted ({@link #next}), by default with a streamed success. It records every request body, so a test can
 * read the prompt that was sent. Subclasses speak one provider's wire format. Thread-safe.
 */
public abstract class FakeModelServer implements AutoCloseable {

    /** How the next request is answered. */
    public enum Behaviour {
        /** The scripted answer, streamed in small pieces (or whole, when the request did not ask to stream). */
        SUCCESS,
        /** Nothing for {@link #slowFor} milliseconds, then the answer: longer than the client's timeout. */
        SLOW,
        /** HTTP 500. */
        SERVER_ERROR,
        /** HTTP 429 with {@code Retry-After: 7}. */
        RATE_LIMITED,
        /** A stream that is not what the provider sends. */
        MALFORMED,
        /** A complete answer with no text. */
        EMPTY
    }

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Behaviour> script = new ArrayDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private volatile String answer = "Use a refresh token [1]. Sources: [1]";
    private volatile long slowFor = 5_000;

    protected FakeModelServer(String path) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(path, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL to set as {@code DISPATCHER_LLM_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next requests are answered so, in order; after them, {@link Behaviour#SUCCESS}. */
    public synchronized FakeModelServer next(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
        return this;
    }

    /** What a successful answer says. */
    public FakeModelServer answering(String text) {
        this.answer = text;
        return this;
    }

    public FakeModelServer slowFor(long millis) {
        this.slowFor = millis;
        return this;
    }

    /** Every request body so far, in order. */
    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            Behaviour behaviour;
            synchronized (this) {
                requests.add(body);
                behaviour = script.isEmpty() ? Behaviour.SUCCESS : script.poll();
            }
            boolean stream = body.path("stream").asBoolean(false);
            switch (behaviour) {
                case SLOW -> {
                    try {
                        Thread.sleep(slowFor);
                    } catch (InterruptedException e) {
                        return;
                    }
                    respond(exchange, stream, answer);
                }
                case SERVER_ERROR -> plain(exchange, 500, "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
                case RATE_LIMITED -> {
                    exchange.getResponseHeaders().add("Retry-After", "7");
                    plain(exchange, 429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}");
                }
                case MALFORMED -> {
                    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write("data: {\"choices\": [ this is not json\n\ndata: }}}\n\n".getBytes(StandardCharsets.UTF_8));
                }
                case EMPTY -> respond(exchange, stream, "");
                case SUCCESS -> respond(exchange, stream, answer);
            }
        } catch (RuntimeException e) {
            // the client went away (a cancelled stream): nothing to answer
        }
    }

    private void respond(HttpExchange exchange, boolean stream, String text) throws IOException {
        if (!stream) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            plain(exchange, 200, whole(text));
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String event : events(pieces(text))) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 12) {
            pieces.add(text.substring(i, Math.min(text.length(), i + 12)));
        }
        return pieces;
    }

    private static void plain(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The provider's non-streaming answer. */
    protected abstract String whole(String text);

    /** The provider's server-sent events for an answer made of these pieces, each ending with a blank line. */
    protected abstract List<String> events(List<String> pieces);

    protected static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
