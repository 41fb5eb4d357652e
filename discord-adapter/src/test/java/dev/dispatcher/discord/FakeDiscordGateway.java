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
 *
 * <p>It also keeps a session as Discord does, for reconnect tests: READY names the session and a
 * {@code resume_gateway_url} (this server, path {@value #RESUME_PATH}); every dispatch of the session is kept with its
 * sequence number; a test can {@link #drop(int) close the connection} or {@link #requestReconnect() ask for a
 * reconnect}, and a RESUME (op 6) naming the session is answered with the dispatches after the client's sequence, then
 * {@code RESUMED}. A RESUME naming another session, or one after {@link #invalidateNextResume()}, gets INVALID_SESSION
 * (op 9, {@code d=false}). Dispatches handed to it while no connection is live are only kept, so the next RESUME
 * replays them.
 */
final class FakeDiscordGateway extends WebSocketServer {

    /** The path of READY's {@code resume_gateway_url}: a RESUME arriving there proves the client used that URL. */
    static final String RESUME_PATH = "/resume";

    /**
     * A RESUME the fake received.
     *
     * @param payload  its {@code d}: {@code session_id}, {@code seq}, {@code token}
     * @param resource the path and query of the connection it came on
     */
    record Resume(DataObject payload, String resource) {

        String sessionId() {
            return payload.getString("session_id");
        }

        long seq() {
            return payload.getLong("seq");
        }
    }

    private final IntFunction<DataObject> guildFor;
    private final List<DataObject> identifies = new ArrayList<>();
    private final List<Resume> resumes = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WebSocket client;
    private volatile boolean echoToken;

    // The session, guarded by `session`: what a RESUME can pick up.
    private final Object session = new Object();
    private final List<DataObject> sessionEvents = new ArrayList<>();
    private final List<DataObject> replayed = new ArrayList<>();
    private int sessions;
    private String sessionId;
    /** The connection that identified or resumed last and has not been dropped: where dispatches go. */
    private WebSocket live;
    private boolean invalidateNextResume;
    private Integer rewindNextResume;
    private boolean holdingResumes;
    private final List<Runnable> heldResumes = new ArrayList<>();

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

    /**
     * Sends a dispatch event (op 0) to the connected client. It is kept in the session, so while no connection is
     * live (after {@link #drop}, before the RESUME is answered) it is only kept, and the RESUME replays it.
     */
    void dispatch(String type, DataObject data) {
        synchronized (session) {
            // before any IDENTIFY there is no session yet: the connected client, as ever
            send(live != null ? live : sessions == 0 ? client : null, type, data);
        }
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

    // ---- reconnects ---------------------------------------------------------------------------------------------

    /** Every RESUME received, in order. */
    synchronized List<Resume> resumes() {
        return List.copyOf(resumes);
    }

    /** The current session's id, as the last READY gave it. */
    String sessionId() {
        synchronized (session) {
            return sessionId;
        }
    }

    /** The sequence number of the last dispatch handed out (delivered or kept for a RESUME). */
    int lastSequence() {
        return sequence.get();
    }

    /** Every dispatch sent again in answer to a RESUME, in order (full op-0 payloads with {@code t}, {@code s}, {@code d}). */
    List<DataObject> replayed() {
        synchronized (session) {
            return List.copyOf(replayed);
        }
    }

    /**
     * Closes the live connection from Discord's side with {@code closeCode}, as Discord does when one of its gateway
     * nodes fails (4000 "unknown error") or restarts. The session stays resumable; until the client resumes, dispatches
     * are kept for the RESUME.
     */
    void drop(int closeCode) {
        WebSocket conn;
        synchronized (session) {
            conn = live != null ? live : client;
            live = null;
        }
        conn.close(closeCode, closeCode == 4000 ? "Unknown error" : "fake Discord dropped the connection");
    }

    /** Sends RECONNECT (op 7) on the live connection: the client should close it, reconnect and resume. */
    void requestReconnect() {
        synchronized (session) {
            WebSocket conn = live != null ? live : client;
            live = null;
            conn.send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
        }
    }

    /** The next RESUME is answered with INVALID_SESSION ({@code d=false}): the session is gone, the client must identify. */
    void invalidateNextResume() {
        synchronized (session) {
            invalidateNextResume = true;
        }
    }

    /**
     * The next RESUME replays every dispatch after {@code seq}, whatever sequence the client names: Discord delivering
     * again events the client already had (its delivery is at least once).
     */
    void rewindNextResume(int seq) {
        synchronized (session) {
            rewindNextResume = seq;
        }
    }

    /**
     * From now on a RESUME is recorded but not answered until the returned action runs: the client stays between
     * connections for as long as the test needs.
     */
    Runnable holdResumes() {
        synchronized (session) {
            holdingResumes = true;
        }
        return () -> {
            List<Runnable> answers;
            synchronized (session) {
                holdingResumes = false;
                answers = List.copyOf(heldResumes);
                heldResumes.clear();
            }
            answers.forEach(Runnable::run);
        };
    }

    // ---- the protocol -------------------------------------------------------------------------------------------

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.setAttachment(handshake.getResourceDescriptor());
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
            case 6 -> resumed(conn, payload.getObject("d"));
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
        synchronized (session) {
            // a new session: what the old one had cannot be resumed any more
            sessions++;
            sessionId = sessions == 1 ? "fake-session" : "fake-session-" + sessions;
            sessionEvents.clear();
            live = conn;
            DataObject ready = DiscordJson.ready("ws://127.0.0.1:" + getPort() + RESUME_PATH, shard, total)
                    .put("session_id", sessionId);
            if (echoToken) {
                ready.put("_trace", DataArray.empty().add("fake-discord").add(identify.getString("token")));
            }
            send(conn, "READY", ready);
            send(conn, "GUILD_CREATE", guildFor.apply(shard));
        }
    }

    private void resumed(WebSocket conn, DataObject resume) {
        synchronized (this) {
            resumes.add(new Resume(resume, conn.getAttachment()));
            notifyAll();
        }
        synchronized (session) {
            if (holdingResumes) {
                heldResumes.add(() -> answerResume(conn, resume));
                return;
            }
        }
        answerResume(conn, resume);
    }

    /** As Discord: the dispatches the client missed, in order, then RESUMED; or INVALID_SESSION for a session it lost. */
    private void answerResume(WebSocket conn, DataObject resume) {
        synchronized (session) {
            if (invalidateNextResume || !resume.getString("session_id", "").equals(sessionId)) {
                invalidateNextResume = false;
                conn.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
                return;
            }
            long from = rewindNextResume != null ? rewindNextResume : resume.getLong("seq", 0);
            rewindNextResume = null;
            for (DataObject event : sessionEvents) {
                if (event.getLong("s") > from) {
                    replayed.add(event);
                    conn.send(event.toString());
                }
            }
            live = conn;
            conn.send(DataObject.empty().put("op", 0).put("t", "RESUMED").put("s", sequence.incrementAndGet())
                    .put("d", DataObject.empty().put("_trace", DataArray.empty().add("fake-discord"))).toString());
        }
    }

    /** Hands out the next sequence number, keeps the dispatch for a RESUME, and sends it to {@code conn} if any. */
    private void send(WebSocket conn, String type, DataObject data) {
        DataObject event = DataObject.empty().put("op", 0).put("t", type).put("s", sequence.incrementAndGet()).put("d", data);
        sessionEvents.add(event);
        if (conn != null) {
            conn.send(event.toString());
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        if (conn == client) {
            client = null;
        }
        synchronized (session) {
            if (conn == live) {
                live = null;
            }
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // JDA reconnecting or the test shutting down; the test's assertions say what matters
    }
}
