package dev.dispatcher.discord;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.ops.AdminServer;
import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the bot without dropping an answer halfway, in the order that makes that true:
 * <ol>
 *   <li>stop taking events: {@code /readyz} answers 503 at once, and a newcomer is told to try again
 *       ({@link RestartNotice});</li>
 *   <li>wait, up to {@link #DRAIN}, for the jobs in flight: routing, storing, every message of their answers (what is
 *       left stays stored, and any replica or the next start resumes it);</li>
 *   <li>disconnect the shards, letting requests JDA still holds go out (up to {@link #DISCONNECT});</li>
 *   <li>close the health endpoints, then the core and its database.</li>
 * </ol>
 * {@code DRAIN} plus {@code DISCONNECT} stays inside Kubernetes' default 30 s grace period.
 */
final class GracefulShutdown {

    /** How long events in flight may take to finish. */
    static final Duration DRAIN = Duration.ofSeconds(20);

    /** How long the shards may take to disconnect. */
    static final Duration DISCONNECT = Duration.ofSeconds(5);

    private static final Logger LIFECYCLE = LoggerFactory.getLogger("dispatcher.startup");

    private final InFlightWork work;
    private final DiscordBot bot;
    private final AdminServer admin;
    private final BotCore core;

    /** @param admin the health endpoints, or {@code null} when they could not start */
    GracefulShutdown(InFlightWork work, DiscordBot bot, AdminServer admin, BotCore core) {
        this.work = work;
        this.bot = bot;
        this.admin = admin;
        this.core = core;
    }

    /** Runs the whole sequence; returns when the database is closed. Safe to call from a JVM shutdown hook. */
    void run() {
        work.stopAdmitting();
        LIFECYCLE.info("discord: shutting down: taking no new events; waiting up to {} s for {} in flight",
                DRAIN.toSeconds(), work.running());
        try {
            long start = System.nanoTime();
            bot.pipeline().drain(DRAIN);
            Duration left = DRAIN.minusNanos(System.nanoTime() - start);
            if (!work.awaitIdle(left.isNegative() ? Duration.ZERO : left)) {
                LIFECYCLE.warn("discord: {} still in flight after {} s; stopping anyway", work.running(), DRAIN.toSeconds());
            }
            disconnect();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (admin != null) {
                admin.close();
            }
            core.close();
            LIFECYCLE.info("discord: stopped");
        }
    }

    private void disconnect() throws InterruptedException {
        ShardManager shards = bot.shards();
        shards.shutdown();
        long deadline = System.nanoTime() + DISCONNECT.toNanos();
        for (JDA shard : shards.getShards()) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!shard.awaitShutdown(left)) {
                shard.shutdownNow();
            }
        }
    }
}
