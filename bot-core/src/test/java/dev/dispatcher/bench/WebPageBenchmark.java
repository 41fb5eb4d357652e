package dev.dispatcher.bench;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.web.WebServer;
import dev.dispatcher.web.WebSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The web page on a big history: 100,000 stored decisions over 90 days on three platforms and 30 channels, 5 % of
 * them flagged and most of those corrected, 3 % fallbacks, each with its evidence line, in a real SQLite file (on
 * {@code /dev/shm} where there is one). Each operation is one whole page fetched over loopback HTTP, as a browser
 * asks for it: every figure aggregated by the database, the template rendered. Run: see {@code BENCHMARKS.md}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WebPageBenchmark {

    static final int DECISIONS = 100_000;
    private static final long DAY = 86_400_000L;

    private Path folder;
    private BotCore core;
    private WebServer server;
    private HttpClient client;
    private int lastPage;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = ScratchFolder.create("web-bench-");
        Map<String, String> env = Cores.environment(folder);
        env.put("DISPATCHER_KB_RELOAD_SECONDS", "0");
        env.put("DISPATCHER_WEB_PORT", "0");
        CoreSettings settings = CoreSettings.fromEnvironment(env);
        try (BotCore filling = BotCore.start(settings)) {
            lastPage = fill(filling);
        }
        core = BotCore.start(settings);
        server = WebServer.start(core, WebSettings.fromEnvironment(env));
        client = HttpClient.newHttpClient();
    }

    /** Stores the history in one transaction; returns the last page of flagged decisions over all time. */
    private static int fill(BotCore filling) {
        List<String> ids = filling.catalog().specialists().stream().map(Specialist::id).toList();
        List<String> tasks = RealisticTasks.generate(filling.catalog(), 3_000, 20_261_202L);
        long now = System.currentTimeMillis();
        String decision = "INSERT INTO decisions (id, created_at, platform, channel, requester, task_text, specialist, confidence,"
                + " fallback, reply_ref, source, task_length) VALUES (?, ?, ?, ?, ?, ?, ?, 0.7, ?, ?, 'chat', ?)";
        String evidence = "INSERT INTO decision_evidence (decision_id, evidence) VALUES (?, ?)";
        String flag = "INSERT INTO flags (decision_id, user_id, created_at) VALUES (?, ?, ?)";
        String correction = "INSERT INTO corrections (decision_id, user_id, specialist, created_at, trusted) VALUES (?, ?, ?, ?, ?)";
        int flagged = 0;
        try (Connection c = filling.database().connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement(decision); PreparedStatement e = c.prepareStatement(evidence);
                 PreparedStatement f = c.prepareStatement(flag); PreparedStatement k = c.prepareStatement(correction)) {
                for (int i = 0; i < DECISIONS; i++) {
                    String id = String.format("b%09d", i);
                    long at = now - (long) (90 * DAY * (i / (double) DECISIONS)) + 1;
                    String platform = i % 3 == 0 ? "discord" : i % 3 == 1 ? "slack" : "shell";
                    String routed = ids.get((i * 7) % ids.size());
                    String task = tasks.get(i % tasks.size());
                    d.setString(1, id);
                    d.setLong(2, at);
                    d.setString(3, platform);
                    d.setString(4, platform.equals("shell") ? "local" : platform + "-channel-" + (i % 10));
                    d.setString(5, "U" + (i % 200));
                    d.setString(6, task);
                    d.setString(7, routed);
                    d.setString(8, i % 33 == 0 ? "LOW_CONFIDENCE" : null);
                    d.setString(9, platform + ":" + platform + "-channel-" + (i % 10) + ":" + (1_700_000_000 + i) + ".0001");
                    d.setInt(10, task.length());
                    d.addBatch();
                    e.setString(1, id);
                    e.setString(2, routed + " 72% keywords token, expiry (4.0), knowledge base 2.1, examples 1.3; "
                            + ids.get((i * 7 + 1) % ids.size()) + " 20% keywords session (1.0), knowledge base 0.8");
                    e.addBatch();
                    if (i % 20 == 0) {
                        flagged++;
                        f.setString(1, id);
                        f.setString(2, "U" + (i % 37));
                        f.setLong(3, at + 60_000);
                        f.addBatch();
                        if (i % 60 != 0) {
                            k.setString(1, id);
                            k.setString(2, "U" + (i % 37));
                            k.setString(3, ids.get((i * 7 + 3) % ids.size()));
                            k.setLong(4, at + 60_000);
                            k.setInt(5, i % 7 == 0 ? 0 : 1);
                            k.addBatch();
                        }
                    }
                    if (i % 5_000 == 4_999) {
                        d.executeBatch();
                        e.executeBatch();
                        f.executeBatch();
                        k.executeBatch();
                    }
                }
                d.executeBatch();
                e.executeBatch();
                f.executeBatch();
                k.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fill the benchmark's store", e);
        }
        return (flagged + 19) / 20;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.close();
        core.close();
        ScratchFolder.delete(folder);
    }

    /** The page as it opens: the last 30 days. */
    @Benchmark
    public int lastThirtyDays() {
        return fetch("/");
    }

    /** All 100,000 decisions counted. */
    @Benchmark
    public int allTime() {
        return fetch("/?range=all");
    }

    /** All time, one specialist, one platform. */
    @Benchmark
    public int filtered() {
        return fetch("/?range=all&specialist=database-architect&platform=slack");
    }

    /** The oldest page of flagged decisions over all time. */
    @Benchmark
    public int lastPageOfFlags() {
        return fetch("/?range=all&page=" + lastPage);
    }

    private int fetch(String path) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body().length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
