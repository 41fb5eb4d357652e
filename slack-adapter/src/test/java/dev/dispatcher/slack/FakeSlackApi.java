package dev.dispatcher.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * A fake Slack Web API on loopback: records every call (method, parameters, time) and answers like Slack —
 * {@code auth.test} with the bot's user id, {@code chat.postMessage} with a fresh {@code ts},
 * {@code apps.connections.open} with the Socket Mode URL it was given ({@link #openSocketsAt(String)}),
 * {@code usergroups.users.list} with the members of the user groups it was given ({@link #userGroup}). It also receives
 * {@code response_url} posts, recorded as method {@value #RESPONSE_URL}. Answers can be scripted: a 429 with
 * {@code Retry-After}, an error such as {@code not_in_channel}, a slow answer, or every answer slow. For load runs it
 * can count calls instead of keeping them ({@link #startCounting()}), so that a long run does not fill its memory.
 */
public final class FakeSlackApi implements AutoCloseable {

    static final String BOT_USER = "UBOT0DISPATCH";
    static final String RESPONSE_URL = "response_url";

    private static final Gson GSON = new Gson();

    /** One request the bot made. {@code ts} is the message's new ts when the fake accepted a post, else {@code null}. */
    record Call(String method, Map<String, String> params, String body, Instant at, String ts) {

        String param(String name) {
            return params.get(name);
        }

        /** One line for failure messages. */
        String summary() {
            String text = params.getOrDefault("text", "");
            return method + "(thread_ts=" + params.get("thread_ts") + ", ts=" + ts + ", text="
                    + text.substring(0, Math.min(60, text.length())).replace('\n', ' ') + ")";
        }

        /** Text and blocks together: everything a Slack user could see of this message. */
        String visible() {
            return params.getOrDefault("text", "") + "\n" + params.getOrDefault("blocks", "");
        }
    }

    private record Scripted(int status, String retryAfter, String body, Duration delay) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final boolean keepCalls;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Scripted>> script = new LinkedHashMap<>();
    private final Map<String, Duration> slowness = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private volatile String grantedScopes;
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000_100L);
    private volatile String socketModeUrl;

    private FakeSlackApi(boolean keepCalls) throws IOException {
        // Answer like a real server, without Nagle's algorithm: the JDK server writes headers and body separately, and
        // the second write would wait for the client's delayed ACK (40 ms), capping the bot at ~25 posts/s per worker.
        // Read when the JVM's first HttpServer is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.keepCalls = keepCalls;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A fake that keeps every call for the test to inspect. */
    public static FakeSlackApi start() throws IOException {
        return new FakeSlackApi(true);
    }

    /** A fake that only counts calls by method ({@link #count(String)}): for load runs. */
    public static FakeSlackApi startCounting() throws IOException {
        return new FakeSlackApi(false);
    }

    /** The value for {@code SLACK_API_URL}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A {@code response_url} pointing at this fake. */
    String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    // ---- scripting

    /** From now on {@code apps.connections.open} names this WebSocket URL, where Slack would name its own {@code wss://} one. */
    void openSocketsAt(String url) {
        socketModeUrl = url;
    }

    /** From now on {@code usergroups.users.list} names these members of {@code group}; another group is {@code no_such_subteam}. */
    void userGroup(String group, String... users) {
        userGroups.put(group, List.of(users));
    }

    /** From now on every answer carries {@code X-OAuth-Scopes: scopes}, as Slack's do: the token's scopes, comma-separated. */
    void grantScopes(String scopes) {
        grantedScopes = scopes;
    }

    /** The next call of {@code method} gets HTTP 429 with {@code Retry-After: seconds}. */
    void rateLimitNext(String method, int seconds) {
        enqueue(method, new Scripted(429, String.valueOf(seconds), "{\"ok\":false,\"error\":\"ratelimited\"}", Duration.ZERO));
    }

    /** The next call of {@code method} gets {@code {"ok":false,"error":error}}. */
    void failNext(String method, String error) {
        enqueue(method, new Scripted(200, null, "{\"ok\":false,\"error\":\"" + error + "\"}", Duration.ZERO));
    }

    /** The next call of {@code method} gets HTTP 500. */
    void serverErrorNext(String method) {
        enqueue(method, new Scripted(500, null, "internal server error", Duration.ZERO));
    }

    /** The next call of {@code method} is answered normally, but only after {@code delay}. */
    void delayNext(String method, Duration delay) {
        enqueue(method, new Scripted(0, null, null, delay));
    }

    /** A call held at the door: {@link #awaitArrival()} until it is waiting, then {@link #open()} to let it through. */
    static final class Gate {

        private final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);

        void awaitArrival() throws InterruptedException {
            if (!arrived.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("the held call never arrived");
            }
        }

        void open() {
            opened.countDown();
        }

        /** The held call never reaches Slack: it is neither recorded nor answered (its sender died waiting). */
        void discard() {
            discarded = true;
            opened.countDown();
        }

        private volatile boolean discarded;

        private void pass() {
            arrived.countDown();
            try {
                opened.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next call of {@code method} waits at the returned gate until the test opens it. */
    Gate holdNext(String method) {
        Gate gate = new Gate();
        gates.put(method, gate);
        return gate;
    }

    /** Every call of {@code method} from now on is answered normally, but only after {@code delay}. */
    public void slowDown(String method, Duration delay) {
        slowness.put(method, delay);
    }

    private synchronized void enqueue(String method, Scripted answer) {
        script.computeIfAbsent(method, m -> new ArrayDeque<>()).add(answer);
    }

    // ---- what was called

    /** How many calls of {@code method} were answered, whatever the answer. */
    public long count(String method) {
        LongAdder count = counts.get(method);
        return count == null ? 0 : count.sum();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Messages Slack accepted through {@code chat.postMessage}, in order. */
    synchronized List<Call> messages() {
        return calls.stream().filter(c -> c.method().equals("chat.postMessage") && c.ts() != null).toList();
    }

    /** Waits until at least {@code count} calls match, and returns all that match. */
    List<Call> await(Predicate<Call> matching, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                List<Call> found = calls.stream().filter(matching).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching calls within " + timeout + ", got "
                            + found.size() + "; all calls: " + calls.stream().map(Call::summary).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Waits for the {@code count}-th accepted message and returns the accepted messages. */
    List<Call> awaitMessages(int count) throws InterruptedException {
        return await(c -> c.method().equals("chat.postMessage") && c.ts() != null, count, Duration.ofSeconds(15));
    }

    /** Waits for a private answer through a {@code response_url}. */
    Call awaitResponse() throws InterruptedException {
        return await(c -> c.method().equals(RESPONSE_URL), 1, Duration.ofSeconds(15)).get(0);
    }

    // ---- serving

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean json = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).contains("json");
        Map<String, String> params = json ? jsonParams(body) : formParams(body);
        String method = path.startsWith("/response/") ? RESPONSE_URL : path.replaceFirst("^/api/", "");
        Gate gate = gates.remove(method);
        if (gate != null) {
            gate.pass();
            if (gate.discarded) {
                exchange.close();
                return;
            }
        }
        Duration slow = slowness.get(method);
        if (slow != null) {
            pause(slow);
        }
        Scripted scripted = nextScripted(method);
        if (scripted != null && scripted.delay().compareTo(Duration.ZERO) > 0) {
            pause(scripted.delay());
            scripted = null;
        }
        if (scripted != null) {
            record(new Call(method, params, body, Instant.now(), null));
            if (scripted.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", scripted.retryAfter());
            }
            respond(exchange, scripted.status(), scripted.body());
            return;
        }
        String ts = method.equals("chat.postMessage") ? nextTs() : null;
        record(new Call(method, params, body, Instant.now(), ts));
        if (grantedScopes != null) {
            exchange.getResponseHeaders().add("X-OAuth-Scopes", grantedScopes);
        }
        respond(exchange, 200, answer(method, params, ts));
    }

    private String answer(String method, Map<String, String> params, String ts) {
        return switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://fake.slack.test/\",\"team\":\"Fake\",\"user\":\"dispatcher\","
                    + "\"team_id\":\"T0FAKE\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0FAKE\"}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + ts + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}";
            case "usergroups.users.list" -> userGroups.containsKey(params.get("usergroup"))
                    ? "{\"ok\":true,\"users\":" + GSON.toJson(userGroups.get(params.get("usergroup"))) + "}"
                    : "{\"ok\":false,\"error\":\"no_such_subteam\"}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":" + GSON.toJson(socketModeUrl) + "}";
            case RESPONSE_URL -> "ok";
            default -> "{\"ok\":true}";
        };
    }


    private synchronized Scripted nextScripted(String method) {
        Deque<Scripted> queue = script.get(method);
        return queue == null ? null : queue.poll();
    }

    private synchronized void record(Call call) {
        counts.computeIfAbsent(call.method(), m -> new LongAdder()).increment();
        if (keepCalls) {
            calls.add(call);
        }
        notifyAll();
    }

    private String nextTs() {
        long micros = clock.addAndGet(100);
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonObject object = GSON.fromJson(body, JsonObject.class);
        object.entrySet().forEach(e -> params.put(e.getKey(),
                e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        return params;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());   // the fake plays a slow Slack; tests never sleep themselves
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
