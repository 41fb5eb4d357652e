package dev.dispatcher.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode server on loopback: greets each connection with {@code hello}, delivers the envelopes a test
 * hands it ({@code slash_commands}, {@code events_api}) and records what the client sends back: acknowledgements by
 * {@code envelope_id}, and how its connections were closed. Thread-safe.
 */
final class FakeSocketModeServer extends WebSocketServer {

    /** An acknowledgement from the client; {@code payload} is {@code null} when it carried none. */
    record Ack(String envelopeId, JsonObject payload) {}

    private static final Gson GSON = new Gson();

    private final AtomicInteger envelopes = new AtomicInteger();
    private final List<Ack> acks = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private volatile WebSocket client;

    FakeSocketModeServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    /** Starts listening and returns the URL for {@code apps.connections.open} to name. */
    String begin() throws InterruptedException {
        start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (this) {
            while (getPort() == 0 && System.nanoTime() < deadline) {
                wait(50);
            }
        }
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake-ticket";
    }

    @Override
    public synchronized void onStart() {
        notifyAll();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        client = conn;
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake-socket-mode\","
                + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0FAKE\"}}");
    }

    // ---- delivering

    /** Delivers a slash command, its fields as Slack sends them in Socket Mode; returns the envelope id. */
    String deliverCommand(Map<String, String> fields) {
        JsonObject envelope = envelope("slash_commands", GSON.toJsonTree(fields).getAsJsonObject());
        envelope.addProperty("accepts_response_payload", true);
        return send(envelope);
    }

    /**
     * Delivers an Events API callback; returns the envelope id.
     *
     * @param retryAttempt 0 for the first delivery, 1, 2… for Slack's retries of the same event
     */
    String deliverEvent(JsonObject callback, int retryAttempt) {
        JsonObject envelope = envelope("events_api", callback);
        envelope.addProperty("accepts_response_payload", false);
        envelope.addProperty("retry_attempt", retryAttempt);
        envelope.addProperty("retry_reason", retryAttempt == 0 ? "" : "timeout");
        return send(envelope);
    }

    private JsonObject envelope(String type, JsonObject payload) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", "envelope-" + envelopes.incrementAndGet());
        envelope.addProperty("type", type);
        envelope.add("payload", payload);
        return envelope;
    }

    private String send(JsonObject envelope) {
        WebSocket connected = client;
        if (connected == null) {
            throw new AssertionError("no Socket Mode client is connected");
        }
        connected.send(envelope.toString());
        return envelope.get("envelope_id").getAsString();
    }

    // ---- what the client sent back

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonObject answer = GSON.fromJson(message, JsonObject.class);
        if (answer.has("envelope_id")) {
            synchronized (this) {
                acks.add(new Ack(answer.get("envelope_id").getAsString(),
                        answer.has("payload") ? answer.getAsJsonObject("payload") : null));
                notifyAll();
            }
        }
    }

    /** Waits for the acknowledgement of {@code envelopeId}; fails when it does not come within {@code timeout}. */
    synchronized Ack awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Ack ack : acks) {
                if (ack.envelopeId().equals(envelopeId)) {
                    return ack;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no acknowledgement of " + envelopeId + " within " + timeout + "; acknowledged: "
                        + acks.stream().map(Ack::envelopeId).toList());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        synchronized (this) {
            closeCodes.add(code);
            notifyAll();
        }
        if (conn == client) {
            client = null;
        }
    }

    /** Waits until a client closes its connection, and returns the close code it gave. */
    synchronized int awaitClose(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closeCodes.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no Socket Mode connection was closed within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return closeCodes.get(0);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // the client going away or the test shutting down; the test's assertions say what matters
    }
}
