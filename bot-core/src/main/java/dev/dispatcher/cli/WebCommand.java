package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.web.WebServer;
import dev.dispatcher.web.WebSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./dispatcher web}: the routing dashboard on {@code DISPATCHER_WEB_BIND}:{@code DISPATCHER_WEB_PORT}
 * (127.0.0.1:8080), from the same store the bots use, until the process is stopped.
 */
@Command(name = "web", header = "Serve the routing dashboard: accuracy, confusions, flagged tasks, and fixes.",
        description = {"Serve the routing dashboard on DISPATCHER_WEB_BIND:DISPATCHER_WEB_PORT (127.0.0.1:8080) from the",
            "bots' store: accuracy over time, confusions, fallbacks, flagged tasks; forget, confirm or change corrections,",
            "the export file, keyword suggestions, and a box to try a task. Another address than loopback needs",
            "DISPATCHER_WEB_TOKEN. Runs until stopped (Ctrl-C, SIGTERM)."})
final class WebCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    private final CommandContext context;
    private final Map<String, String> env;

    WebCommand(CommandContext context, Map<String, String> env) {
        this.context = context;
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        WebSettings settings;
        try {
            settings = WebSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badUsage(e.getMessage());
        }
        BotCore core = context.startCore();
        WebServer server;
        try {
            server = WebServer.start(core, settings);
        } catch (IOException | RuntimeException e) {
            core.close();
            throw CommandFailure.failed("cannot serve the web page on DISPATCHER_WEB_BIND " + settings.bind()
                    + ", DISPATCHER_WEB_PORT " + settings.port() + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            core.close();
            stopped.countDown();
        }, "web-shutdown"));
        long ready = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        context.out().println("Routing dashboard on http://" + hostForUrl(settings.bind()) + ":" + server.port() + "/"
                + (settings.token() == null ? "" : " (DISPATCHER_WEB_TOKEN required)") + ", ready " + ready
                + " ms after the JVM started; Ctrl-C stops it.");
        stopped.await();
        return 0;
    }

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
