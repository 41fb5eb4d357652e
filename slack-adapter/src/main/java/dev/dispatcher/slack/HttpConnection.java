package dev.dispatcher.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.servlet.SlackAppServlet;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import javax.servlet.http.HttpServletRequest;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * HTTP mode: Jetty serves {@code /slack/events} on {@code SLACK_PORT} through Bolt's own servlet, so Slack's requests
 * are signature-checked and dispatched exactly as Bolt's {@code SlackAppServer} does. Wired here rather than through
 * {@code SlackAppServer} because that class hides its Jetty server: it can neither say when it is serving nor stop
 * gracefully. Here {@link #stop()} closes the port first (new requests are refused) and lets the requests being
 * acknowledged finish, within {@value #STOP_GRACE_SECONDS} seconds.
 */
final class HttpConnection implements SlackConnection {

    static final int STOP_GRACE_SECONDS = 5;

    private final App app;
    private final Server server;
    private final int port;

    /** Builds the server; {@code port} 0 picks a free one, see {@link #port()}. */
    HttpConnection(App app, int port) {
        this.app = app;
        this.port = port;
        this.server = new Server(port);
        hideServerVersion(server);
        app.config().setAppPath(EVENTS_PATH);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new SlackAppServlet(app)), EVENTS_PATH);
        StatisticsHandler inFlight = new StatisticsHandler();   // what lets a graceful stop wait for running requests
        inFlight.setHandler(context);
        server.setHandler(inFlight);
        server.setStopTimeout(Duration.ofSeconds(STOP_GRACE_SECONDS).toMillis());
        server.setErrorHandler(new BareErrorHandler());
    }

    /** The port it listens on: the configured one, or the one picked when that was 0. */
    int port() {
        Connector[] connectors = server.getConnectors();
        int local = connectors.length > 0 && connectors[0] instanceof ServerConnector c ? c.getLocalPort() : -1;
        return local > 0 ? local : port;
    }

    @Override
    public void start() throws Exception {
        app.start();   // auth.test: an invalid token stops start-up here, before the port opens
        server.start();
    }

    @Override
    public boolean serving() {
        return server.isStarted();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }

    private static void hideServerVersion(Server server) {
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConnectionFactory http) {
                    http.getHttpConfiguration().setSendServerVersion(false);
                }
            }
        }
    }

    /** Error pages say only the status, as Bolt's server does: {@code {"status":"404"}}. */
    private static final class BareErrorHandler extends ErrorHandler {
        @Override
        protected void writeErrorPage(HttpServletRequest request, Writer writer, int code, String message, boolean showStacks)
                throws IOException {
            writer.write("{\"status\":\"" + code + "\"}");
        }
    }
}
