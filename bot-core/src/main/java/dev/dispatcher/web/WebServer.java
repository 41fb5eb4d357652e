package dev.dispatcher.web;

import com.sun.net.httpserver.HttpServer;
import dev.dispatcher.app.BotCore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dispatcher web}: the page on its own port, {@code DISPATCHER_WEB_BIND}:{@code DISPATCHER_WEB_PORT}. Plain JDK
 * HTTP server, like the admin endpoints: a handful of routes do not need a framework.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dispatcher.startup");

    private final HttpServer server;
    private final ExecutorService workers;

    private WebServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts serving the page of a started core.
     *
     * @throws IOException when the address cannot be listened on (taken, or not this machine's)
     */
    public static WebServer start(BotCore core, WebSettings settings) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 0);
        server.createContext("/", new WebApp(core, settings));
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "web-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.start();
        LOG.info("web page on http://{}:{}/{}", settings.bind(), server.getAddress().getPort(),
                settings.token() == null ? "" : " (token required)");
        return new WebServer(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
