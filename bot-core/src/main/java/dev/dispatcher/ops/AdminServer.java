package dev.dispatcher.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoints of a bot process: {@code /healthz} (the process is alive), {@code /readyz} (connected to
 * its platform and able to take events) and {@code /metrics} (Prometheus text). Plain JDK HTTP server: three fixed
 * routes do not need a framework.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dispatcher.startup");

    private final HttpServer server;

    private AdminServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts serving.
     *
     * @param port     {@code DISPATCHER_ADMIN_PORT}; 0 picks a free port
     * @param ready    whether the bot can take events now
     * @param metrics  the figures to expose
     */
    public static AdminServer start(int port, BooleanSupplier ready, DispatcherMetrics metrics) throws IOException {
        // Without TCP_NODELAY the JDK server's small responses wait ~40 ms on Nagle's algorithm (measured in the load run).
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthz", exchange -> respond(exchange, 200, "text/plain", "ok\n"));
        server.createContext("/readyz", exchange -> {
            boolean isReady = ready.getAsBoolean();
            respond(exchange, isReady ? 200 : 503, "text/plain", isReady ? "ready\n" : "not ready\n");
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "admin-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("admin endpoints on port {}: /healthz /readyz /metrics", server.getAddress().getPort());
        return new AdminServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves another page under every path the three endpoints leave free: the web page, when {@code DISPATCHER_WEB=on}
     * (it checks its own token; {@code /healthz}, {@code /readyz} and {@code /metrics} stay open to probes).
     */
    public void mount(HttpHandler page) {
        server.createContext("/", page);
        LOG.info("web page on the admin port {}", port());
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
