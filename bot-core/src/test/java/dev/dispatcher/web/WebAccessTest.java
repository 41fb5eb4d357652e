package dev.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.cli.Cli;
import dev.dispatcher.ops.AdminServer;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.testkit.WebSession;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can reach the page: loopback by default, a token otherwise, and the bots' admin port only with the token. */
class WebAccessTest {

    private static final String TOKEN = "test-token-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    @DisplayName("listening beyond loopback without DISPATCHER_WEB_TOKEN stops ./dispatcher web with status 2, naming it")
    void publicBindNeedsToken() {
        Map<String, String> env = dev.dispatcher.testkit.Cores.environment(dir);
        env.put("DISPATCHER_WEB_BIND", "0.0.0.0");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new Cli(env, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"web"}, new BufferedReader(new StringReader("")), false);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("error: DISPATCHER_WEB_TOKEN must be set")
                .contains("DISPATCHER_WEB_BIND").hasLineCount(1);
    }

    @Test
    @DisplayName("bad web settings are refused with one sentence naming the variable, and a token is never echoed")
    void badSettings() {
        assertThatThrownBy(() -> WebSettings.fromEnvironment(Map.of("DISPATCHER_WEB_PORT", "80800")))
                .hasMessageStartingWith("DISPATCHER_WEB_PORT must be a port number");
        assertThatThrownBy(() -> WebSettings.fromEnvironment(Map.of("DISPATCHER_WEB_TOKEN", "short-secret")))
                .hasMessageStartingWith("DISPATCHER_WEB_TOKEN must be at least 16").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> WebSettings.onAdminPort(Map.of("DISPATCHER_WEB", "on")))
                .hasMessageStartingWith("DISPATCHER_WEB_TOKEN must be set when DISPATCHER_WEB=on");
        assertThatThrownBy(() -> WebSettings.onAdminPort(Map.of("DISPATCHER_WEB", "yes")))
                .hasMessageStartingWith("DISPATCHER_WEB must be on or off");
        assertThat(WebSettings.onAdminPort(Map.of())).isEmpty();
        assertThat(WebSettings.fromEnvironment(Map.of()).bind()).isEqualTo("127.0.0.1");
        assertThat(WebSettings.fromEnvironment(Map.of("DISPATCHER_WEB_TOKEN", TOKEN)).toString()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("with a token, a request without it gets 401 and the token form; the token or the form's cookie open the page")
    void tokenRequired() {
        try (WebFixture web = new WebFixture(dir, Map.of("DISPATCHER_WEB_TOKEN", TOKEN))) {
            assertThat(web.session().get("/").statusCode()).isEqualTo(401);
            assertThat(web.session().get("/").body()).contains("action=\"/login\"");
            assertThat(web.session().get("/export.jsonl").statusCode()).isEqualTo(401);
            assertThat(web.session().withToken("wrong-token-0123456789").get("/").statusCode()).isEqualTo(401);
            assertThat(web.session().withToken(TOKEN).get("/").statusCode()).isEqualTo(200);

            WebSession browser = web.session();
            assertThat(browser.postExactly("/login", Map.of("token", "wrong-token-0123456789")).statusCode()).isEqualTo(401);
            assertThat(browser.postExactly("/login", Map.of("token", TOKEN)).statusCode()).isEqualTo(303);
            assertThat(browser.get("/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("without a token, the page answers only requests addressed to this machine (no DNS rebinding)")
    void loopbackNames() throws Exception {
        try (WebFixture web = new WebFixture(dir)) {
            assertThat(web.session().get("/").statusCode()).isEqualTo(200);
            assertThat(rawStatus(web.server.port(), "attacker.example")).isEqualTo(401);
            assertThat(rawStatus(web.server.port(), "localhost:" + web.server.port())).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("DISPATCHER_WEB=on serves the page on a bot's admin port, behind the token, and the probes stay open")
    void onTheAdminPort() throws Exception {
        try (WebFixture web = new WebFixture(dir);
             AdminServer admin = AdminServer.start(0, () -> true, new DispatcherMetrics())) {
            WebSettings settings = WebSettings.onAdminPort(Map.of("DISPATCHER_WEB", "on", "DISPATCHER_WEB_TOKEN", TOKEN)).orElseThrow();
            admin.mount(new WebApp(web.core, settings));

            WebSession probe = new WebSession(admin.port());
            assertThat(probe.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(probe.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(probe.get("/").statusCode()).isEqualTo(401);
            assertThat(new WebSession(admin.port()).withToken(TOKEN).get("/").body()).contains("id=\"total-routed\"");
        }
    }

    /** The status of a GET / sent with this Host header (java.net.http will not send another host name). */
    private static int rawStatus(int port, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
