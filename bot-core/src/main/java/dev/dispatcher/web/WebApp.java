package dev.dispatcher.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dispatcher.app.BotCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web page's routes, on whatever server mounts it ({@link WebServer} for {@code ./dispatcher web}, the bots' admin
 * port with {@code DISPATCHER_WEB=on}): {@code GET /} the dashboard, {@code GET /suggestions}, {@code GET /export.jsonl},
 * {@code POST /try}, {@code /forget}, {@code /confirm}, {@code /correct}, {@code /login}, and the static files. Bad
 * input is a 400 page, an unknown path a 404, a failure a 500 page with one sentence; never a stack trace.
 */
public final class WebApp implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

    /** What each action's notice says once it is done. */
    private static final Map<String, String> DONE = Map.of(
            "forgot", "Forgot the corrections and flags of decision %s: the router no longer learns from them.",
            "confirmed", "Confirmed the corrections of decision %s: the router learns from them now.",
            "changed", "Changed the correction of decision %s: the router learns the new choice now.");

    private final BotCore core;
    private final Guard guard;
    private final Pages pages = new Pages();
    private final StaticAssets assets = StaticAssets.load();
    private final Dashboard dashboard;
    private final Actions actions;

    public WebApp(BotCore core, WebSettings settings) {
        this.core = core;
        this.guard = new Guard(settings);
        this.dashboard = new Dashboard(core, new MessageLinks(settings));
        this.actions = new Actions(core);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // Closed last, not by try-with-resources: that would close it before a catch block could answer.
        try {
            route(exchange);
        } catch (BadRequest e) {
            problem(exchange, new Problem(400, "Bad request", e.getMessage(), false));
        } catch (RuntimeException e) {
            LOG.error("web page: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.toString());
            problem(exchange, new Problem(500, "Something went wrong", "The page could not be served; the log says why.", false));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/static/")) {
            var asset = assets.find(path);
            if (asset.isEmpty()) {
                problem(exchange, new Problem(404, "Not found", "There is no such file.", false));
            } else {
                exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
                send(exchange, 200, asset.get().type(), asset.get().bytes());
            }
            return;
        }
        if (path.equals("/login") && method.equals("POST")) {
            login(exchange);
            return;
        }
        if (!guard.admits(exchange.getRequestHeaders())) {
            refuse(exchange);
            return;
        }
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        switch (path) {
            case "/" -> {
                if (!get) {
                    notAllowed(exchange, "GET");
                    return;
                }
                FormFields query = FormFields.parse(exchange.getRequestURI().getRawQuery());
                Filters filters = Filters.parse(query, core.catalog());
                String csrf = csrf(exchange);
                html(exchange, 200, pages.render("dashboard.jte", dashboard.show(filters, csrf, notice(query))));
            }
            case "/suggestions" -> {
                if (!get) {
                    notAllowed(exchange, "GET");
                    return;
                }
                html(exchange, 200, pages.render("suggestions.jte", actions.suggestions()));
            }
            case "/export.jsonl" -> {
                if (!get) {
                    notAllowed(exchange, "GET");
                    return;
                }
                exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"dispatcher-export.jsonl\"");
                send(exchange, 200, "application/x-ndjson; charset=utf-8", actions.export());
            }
            case "/try", "/forget", "/confirm", "/correct" -> {
                if (!post) {
                    notAllowed(exchange, "POST");
                    return;
                }
                change(exchange, path);
            }
            default -> problem(exchange, new Problem(404, "Not found", "There is no such page; the dashboard is at /.", false));
        }
    }

    private void change(HttpExchange exchange, String path) throws IOException {
        FormFields form = form(exchange);
        if (!guard.allowsChange(exchange.getRequestHeaders(), form)) {
            problem(exchange, new Problem(403, "Forbidden", "The form was stale or sent from another site; reload the page and try again.", false));
            return;
        }
        if (path.equals("/try")) {
            html(exchange, 200, pages.render("tried.jte", actions.tryTask(form.raw("task"), form.get("csrf"))));
            return;
        }
        String id = form.required("decision");
        Filters back = Filters.parse(form, core.catalog());
        String done;
        switch (path) {
            case "/forget" -> {
                actions.forget(id);
                done = "forgot";
            }
            case "/confirm" -> {
                actions.confirm(id);
                done = "confirmed";
            }
            default -> {
                actions.change(id, form.required("user"), form.required("specialist"));
                done = "changed";
            }
        }
        String href = back.href();
        exchange.getResponseHeaders().set("Location", href + (href.contains("?") ? "&" : "?") + "done=" + done + "&decision=" + id);
        send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
    }

    private String notice(FormFields query) {
        String done = query.get("done");
        if (done == null) {
            return null;
        }
        String id = query.get("decision");
        if (!DONE.containsKey(done) || id == null || !id.matches("[a-z0-9]{1,32}")) {
            throw new BadRequest("done must name an action and decision a decision id");
        }
        return String.format(DONE.get(done), id);
    }

    private void login(HttpExchange exchange) throws IOException {
        FormFields form = form(exchange);
        if (!guard.tokenMatches(form.raw("token"))) {
            problem(exchange, new Problem(401, "Token needed", "That token is not the one this page was started with.", true));
            return;
        }
        exchange.getResponseHeaders().add("Set-Cookie", guard.sessionCookie());
        exchange.getResponseHeaders().set("Location", "/");
        send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
    }

    private void refuse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"dispatcher\"");
        problem(exchange, new Problem(401, "Token needed",
                "This page needs the token it was started with (DISPATCHER_WEB_TOKEN), or to be opened on this machine.", true));
    }

    private String csrf(HttpExchange exchange) {
        String csrf = guard.csrfToken(exchange.getRequestHeaders());
        exchange.getResponseHeaders().add("Set-Cookie", Guard.csrfCookie(csrf));
        return csrf;
    }

    private FormFields form(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequest("send the form as application/x-www-form-urlencoded");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(FormFields.MAX_BYTES + 1);
            if (body.length > FormFields.MAX_BYTES) {
                throw new BadRequest("the form is larger than " + FormFields.MAX_BYTES / 1024 + " KiB");
            }
            return FormFields.parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    private void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        problem(exchange, new Problem(405, "Method not allowed", "Use " + allowed + " here.", false));
    }

    private void problem(HttpExchange exchange, Problem problem) throws IOException {
        html(exchange, problem.status(), pages.render("problem.jte", problem));
    }

    private void html(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Content-Security-Policy", Guard.CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
