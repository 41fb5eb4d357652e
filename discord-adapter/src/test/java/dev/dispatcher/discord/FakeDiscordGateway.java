package dev.dispatcher.discord;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Discord's gateway on loopback: says HELLO, answers IDENTIFY with READY and the test guild's GUILD_CREATE, acknowledges
 * heartbeats, and dispatches whatever events a test hands it. Records the IDENTIFY payloads. Thread-safe.
 */
final class FakeDiscordGateway extends WebSocketServer {

    private final IntFunction<DataObject> guildFor;
    private final List<DataObject> identifies = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WebSocket client;
    private volatile boolean echoToken;

    /** @param guildFor the GUILD_CREATE payload to send after READY, given the shard id that identified */
    FakeDiscordGateway(IntFunction<DataObject> guildFor) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.guildFor = guildFor;
        setReuseAddr(true);
        // Send each event at once: with Nagle's algorithm an event waits behind the client's delayed ACK of the previous
        // one (up to 40 ms), which showed as the 99th percentile of the load run's acknowledgements.
        setTcpNoDelay(true);
    }

    /** Starts listening and returns the URL to give JDA ({@code DISCORD_GATEWAY_URL}). */
    String begin() throws InterruptedException {
        start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        synchronized (this) {
            while (getPort() == 0 && System.nanoTime() < deadline) {
                wait(50);
            }
        }
        return "ws://127.0.0.1:" + getPort();
    }

    @Override
    public synchronized void onStart() {
        notifyAll();
    }

    /**
     * From now on READY's {@code _trace} carries the token the client identified with, which JDA logs at DEBUG: a
     * stand-in for any payload that might one day echo a secret into a log line.
     */
    void echoTokenInReady() {
        echoToken = true;
    }

    /** Sends a dispatch event (op 0) to the connected client. */
    void dispatch(String type, DataObject data) {
        client.send(DataObject.empty().put("op", 0).put("t", type).put("s", sequence.incrementAndGet()).put("d", data).toString());
    }

    synchronized List<DataObject> identifies() {
        return List.copyOf(identifies);
    }

    /** Waits until a client has identified, and returns its IDENTIFY payload ({@code d}). */
    synchronized DataObject awaitIdentify(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (identifies.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("JDA never identified with the fake gateway");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return identifies.get(0);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        client = conn;
        conn.send(DataObject.empty().put("op", 10).put("s", null).put("t", null)
                .put("d", DataObject.empty().put("heartbeat_interval", 41_250)).toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        DataObject payload = DataObject.fromJson(message);
        switch (payload.getInt("op")) {
            case 1 -> conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
            case 2 -> identified(conn, payload.getObject("d"));
            default -> { } // presence updates and the like need no answer
        }
    }

    private void identified(WebSocket conn, DataObject identify) {
        synchronized (this) {
            identifies.add(identify);
            notifyAll();
        }
        int shard = identify.optArray("shard").map(a -> a.getInt(0)).orElse(0);
        int total = identify.optArray("shard").map(a -> a.getInt(1)).orElse(1);
        DataObject ready = DiscordJson.ready("ws://127.0.0.1:" + getPort(), shard, total);
        if (echoToken) {
            ready.put("_trace", DataArray.empty().add("fake-discord").add(identify.getString("token")));
        }
        dispatch("READY", ready);
        dispatch("GUILD_CREATE", guildFor.apply(shard));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (conn == client) {
            client = null;
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // JDA reconnecting or the test shutting down; the test's assertions say what matters
    }
}
