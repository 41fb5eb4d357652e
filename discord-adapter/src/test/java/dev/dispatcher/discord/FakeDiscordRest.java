package dev.dispatcher.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Discord's REST API on loopback, as far as the bot uses it: it records every request JDA sends and answers the way
 * Discord would (a posted message comes back with an id, a thread comes back as a channel). It sends no rate-limit
 * headers, so JDA never holds a request back. For load runs it can count requests by {@linkplain #count kind} instead
 * of keeping them ({@link #startCounting()}), so that a long run does not fill its memory. Thread-safe.
 */
final class FakeDiscordRest implements AutoCloseable {

    /**
     * One request JDA sent, with the fake's answer.
     *
     * @param body     the JSON object sent, or {@code null} when the body was empty or not an object
     * @param raw      the body as sent
     * @param response the JSON object answered, or {@code null} (no content, an array, an error)
     * @param authorization the {@code Authorization} header sent
     * @param status   the HTTP status answered
     */
    record Request(String method, String path, String query, DataObject body, String raw, DataObject response,
                   String authorization, int status) {

        boolean is(String method, String pathPattern) {
            return this.method.equals(method) && path.matches(pathPattern);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + (body == null ? "" : " " + body);
        }
    }

    private static final Pattern CALLBACK_PATH = Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern ORIGINAL_PATH = Pattern.compile("/webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOWUP_PATH = Pattern.compile("/webhooks/(\\d+)/([^/]+)");
    private static final Pattern THREAD_ON_MESSAGE_PATH = Pattern.compile("/channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern CHANNEL_MESSAGE_PATH = Pattern.compile("/channels/(\\d+)/messages");
    private static final Pattern EDIT_MESSAGE_PATH = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern COMMANDS_PATH = Pattern.compile("/applications/(\\d+)(/guilds/\\d+)?/commands");

    // What count(kind) counts: the kinds of request the fake knows, plus 429s, 401s and anything unknown (404).
    static final String GATEWAY = "gateway";
    static final String SELF = "users/@me";
    static final String COMMANDS = "commands";
    static final String CALLBACK = "interaction-callback";
    static final String EDIT_ORIGINAL = "edit-original";
    static final String FOLLOWUP_MESSAGE = "followup";
    static final String START_THREAD = "start-thread";
    /** A message posted in the test guild's text channel ({@link DiscordJson#CHANNEL_ID}). */
    static final String CHANNEL_MESSAGE = "channel-message";
    /** A message posted in any other channel: a thread. */
    static final String THREAD_MESSAGE = "thread-message";
    /** An edit of a message the bot posted in a channel or thread (a streaming answer). */
    static final String EDIT_MESSAGE = "edit-message";
    static final String RATE_LIMITED = "rate-limited";
    static final String REJECTED = "rejected";
    static final String UNKNOWN = "unknown";

    private final HttpServer server;
    private final boolean keepRequests;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Request> observer = (kind, request) -> { };
    private final AtomicLong ids = new AtomicLong(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()));
    private volatile String gatewayUrl = "ws://127.0.0.1:1";
    private volatile int recommendedShards = 1;
    private volatile boolean rejectToken;
    private volatile CountDownLatch answering = new CountDownLatch(0);
    private final Map<String, Integer> rateLimits = new ConcurrentHashMap<>();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** A request stopped at the door: {@link #awaitArrival()}, then {@link #discard()} it unrecorded and unanswered. */
    static final class Held {

        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch discarded = new CountDownLatch(1);

        void awaitArrival() throws InterruptedException {
            if (!arrived.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("the held request never arrived");
            }
        }

        /** The request never reaches Discord: its sender died waiting for the answer. */
        void discard() {
            discarded.countDown();
        }

        private void stop() {
            arrived.countDown();
            awaitUninterruptibly(discarded);
        }
    }

    /** The next request matching {@code method} and {@code pathPattern} is held at the door until discarded. */
    Held holdNext(String method, String pathPattern) {
        Held request = new Held();
        held.put(method + " " + pathPattern, request);
        return request;
    }

    /** A fake that keeps every request for the test to inspect. */
    FakeDiscordRest() throws IOException {
        this(true);
    }

    private FakeDiscordRest(boolean keepRequests) throws IOException {
        // Answer like a real server, without Nagle's algorithm: the JDK server writes headers and body separately, and
        // the second write would wait for the client's delayed ACK (40 ms). Read when the JVM's first HttpServer is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.keepRequests = keepRequests;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // several threads, so that requests keep arriving (and being recorded) while answers are held
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** A fake that only counts requests by kind ({@link #count}), for load runs. */
    static FakeDiscordRest startCounting() throws IOException {
        return new FakeDiscordRest(false);
    }

    /** How many requests of a kind ({@link #CALLBACK}, {@link #THREAD_MESSAGE}…) it has answered or is answering. */
    long count(String kind) {
        LongAdder count = counts.get(kind);
        return count == null ? 0 : count.sum();
    }

    /**
     * From now on, also hands every request, with its kind, to {@code observer} (on the thread serving it, before it
     * is answered; the request's {@code response} and {@code status} are left empty). Replaces the previous observer.
     */
    void observe(BiConsumer<String, Request> observer) {
        this.observer = observer;
    }

    /** The base URL to give JDA ({@code DISCORD_API_URL}). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** What {@code GET /gateway/bot} answers. */
    void recommend(String gateway, int shards) {
        this.gatewayUrl = gateway;
        this.recommendedShards = shards;
    }

    /** From now on, answer every request with 401 Unauthorized, as Discord does for a wrong token. */
    void rejectToken() {
        this.rejectToken = true;
    }

    /**
     * From now on Discord is slow: requests are recorded as they arrive, but answered only once the returned action
     * runs.
     */
    Runnable holdAnswers() {
        CountDownLatch held = new CountDownLatch(1);
        answering = held;
        return held::countDown;
    }

    /** The next request to a path matching {@code pathPattern} gets 429 Too Many Requests, retry after {@code seconds}. */
    void rateLimitOnce(String method, String pathPattern, int seconds) {
        rateLimits.put(method + " " + pathPattern, seconds);
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until JDA has sent a request matching {@code condition}, and returns the first one. */
    synchronized Request await(String what, Predicate<Request> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Request r : requests) {
                if (condition.test(r)) {
                    return r;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the fake Discord never received " + what + "; it received:\n"
                                + String.join("\n", requests.stream().map(Request::toString).toList()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/api/v10", "");
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            DataObject body = raw.strip().startsWith("{") ? DataObject.fromJson(raw) : null;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), body, raw,
                    null, authorization, 0);
            for (String key : held.keySet()) {
                String[] methodAndPath = key.split(" ", 2);
                Held stopped;
                if (request.is(methodAndPath[0], methodAndPath[1]) && (stopped = held.remove(key)) != null) {
                    stopped.stop();
                    return;
                }
            }
            Answer answer = answer(request);
            counts.computeIfAbsent(answer.kind(), k -> new LongAdder()).increment();
            observer.accept(answer.kind(), request);
            if (keepRequests) {
                synchronized (this) {
                    requests.add(new Request(request.method(), path, request.query(), body, raw,
                            answer.json() != null && answer.json().startsWith("{") ? DataObject.fromJson(answer.json()) : null,
                            authorization, answer.status()));
                    notifyAll();
                }
            }
            awaitUninterruptibly(answering);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (answer.json() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Answer(String kind, int status, String json, Map<String, String> headers) {
        Answer(String kind, int status, String json) {
            this(kind, status, json, Map.of());
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 429 as Discord sends it for a per-route limit ({@code via} says it is not Cloudflare's). */
    private Answer rateLimited(Request request) {
        for (String limited : rateLimits.keySet()) {
            String[] methodAndPath = limited.split(" ", 2);
            Integer seconds;
            if (request.is(methodAndPath[0], methodAndPath[1]) && (seconds = rateLimits.remove(limited)) != null) {
                return new Answer(RATE_LIMITED, 429, "{\"message\": \"You are being rate limited.\", \"retry_after\": " + seconds
                        + ", \"global\": false}", Map.of("Retry-After", Integer.toString(seconds),
                        "X-RateLimit-Scope", "user", "via", "1.1 google"));
            }
        }
        return null;
    }

    private Answer answer(Request request) {
        Matcher m;
        Answer limited = rateLimited(request);
        if (limited != null) {
            return limited;
        } else if (rejectToken) {
            return new Answer(REJECTED, 401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
        } else if (request.is("GET", "/gateway/bot")) {
            return new Answer(GATEWAY, 200, DataObject.empty().put("url", gatewayUrl).put("shards", recommendedShards)
                    .put("session_start_limit", DataObject.empty().put("total", 1000).put("remaining", 1000)
                            .put("reset_after", 0).put("max_concurrency", 1)).toString());
        } else if (request.is("GET", "/users/@me")) {
            return new Answer(SELF, 200, DiscordJson.botUser().toString());
        } else if (request.method().equals("PUT") && (m = COMMANDS_PATH.matcher(request.path())).matches()) {
            return new Answer(COMMANDS, 200, DataArray.empty().add(DataObject.empty().put("id", DiscordJson.COMMAND_ID)
                    .put("application_id", m.group(1)).put("version", "1").put("type", 1).put("name", RouteCommand.NAME)
                    .put("description", "Route a backend task").put("options", DataArray.empty())
                    .put("default_member_permissions", null).put("nsfw", false)).toString());
        } else if (request.method().equals("POST") && CALLBACK_PATH.matcher(request.path()).matches()) {
            return new Answer(CALLBACK, 204, null);
        } else if (request.method().equals("PATCH") && ORIGINAL_PATH.matcher(request.path()).matches()) {
            return new Answer(EDIT_ORIGINAL, 200, posted(DiscordJson.CHANNEL_ID, request.body()).toString());
        } else if (request.method().equals("POST") && FOLLOWUP_PATH.matcher(request.path()).matches()) {
            return new Answer(FOLLOWUP_MESSAGE, 200, posted(DiscordJson.CHANNEL_ID, request.body()).toString());
        } else if (request.method().equals("POST") && (m = THREAD_ON_MESSAGE_PATH.matcher(request.path())).matches()) {
            String name = request.body() == null ? "thread" : request.body().getString("name", "thread");
            return new Answer(START_THREAD, 201, DiscordJson.thread(nextId(), m.group(1), name).toString());
        } else if (request.method().equals("POST") && (m = CHANNEL_MESSAGE_PATH.matcher(request.path())).matches()) {
            return new Answer(m.group(1).equals(DiscordJson.CHANNEL_ID) ? CHANNEL_MESSAGE : THREAD_MESSAGE, 200,
                    posted(m.group(1), request.body()).toString());
        } else if (request.method().equals("PATCH") && (m = EDIT_MESSAGE_PATH.matcher(request.path())).matches()) {
            return new Answer(EDIT_MESSAGE, 200, posted(m.group(1), request.body()).put("id", m.group(2)).toString());
        }
        return new Answer(UNKNOWN, 404, "{\"message\": \"404: Not Found\", \"code\": 0}");
    }

    private DataObject posted(String channelId, DataObject sent) {
        DataObject body = sent == null ? DataObject.empty() : sent;
        DataArray embeds = DataArray.empty();
        body.optArray("embeds").ifPresent(list -> list.stream(DataArray::getObject).forEach(e -> embeds.add(e.put("type", "rich"))));
        DataObject message = DiscordJson.message(nextId(), channelId, DiscordJson.botUser(), body.getString("content", ""),
                embeds, body.optArray("components").orElseGet(DataArray::empty));
        return message;
    }

    private String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    @Override
    public void close() {
        answering.countDown();
        server.stop(0);
    }
}
