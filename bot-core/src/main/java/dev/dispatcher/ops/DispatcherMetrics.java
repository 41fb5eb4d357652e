package dev.dispatcher.ops;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.dispatcher.routing.RoutingDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The bot's operational figures, exported as Prometheus text: tasks routed by specialist, fallbacks, flags,
 * corrections, routing latency, cache hit ratio, platform API calls, errors, rate-limit waits, duplicate events
 * dropped, and the knowledge-base version in use with its reloads. One instance per process; thread-safe.
 */
public final class DispatcherMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer routingLatency;
    private final MultiGauge knowledgeBase;
    private final AtomicLong knowledgeBaseLoadedAt = new AtomicLong();

    public DispatcherMetrics() {
        this.knowledgeBase = MultiGauge.builder("dispatcher.knowledge.base.info")
                .description("the knowledge-base version routing now (value 1)").register(registry);
        Gauge.builder("dispatcher.knowledge.base.loaded.timestamp.seconds", knowledgeBaseLoadedAt, AtomicLong::get)
                .description("when the knowledge-base version in use was loaded").register(registry);
        this.routingLatency = Timer.builder("dispatcher.routing.latency")
                .description("time to route and record one task")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Publishes the decision cache's hit ratio, hits and misses. */
    public void watchCache(Supplier<CacheStats> stats) {
        Gauge.builder("dispatcher.cache.hit.ratio", () -> stats.get().hitRate()).register(registry);
        Gauge.builder("dispatcher.cache.hits", () -> stats.get().hitCount()).register(registry);
        Gauge.builder("dispatcher.cache.misses", () -> stats.get().missCount()).register(registry);
    }

    /** A task was routed on a platform, taking this long end to end in the core. */
    public void routed(String platform, RoutingDecision decision, Duration took) {
        Counter.builder("dispatcher.tasks.routed").tag("platform", platform).tag("specialist", decision.specialist())
                .register(registry).increment();
        if (decision.isFallback()) {
            Counter.builder("dispatcher.fallbacks").tag("reason", decision.fallback().kind().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
        routingLatency.record(took);
    }

    public void flagged() {
        registry.counter("dispatcher.flags").increment();
    }

    public void corrected() {
        registry.counter("dispatcher.corrections").increment();
    }

    /**
     * A call to a platform's API finished.
     *
     * @param method  e.g. {@code chat.postMessage} or {@code createThreadChannel}
     * @param outcome {@code ok}, or the platform's error code
     */
    public void platformCall(String platform, String method, String outcome) {
        Counter.builder("dispatcher.platform.calls").tag("platform", platform).tag("method", method).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Something failed while handling an event; {@code kind} is a short stable label. */
    public void error(String platform, String kind) {
        Counter.builder("dispatcher.errors").tag("platform", platform).tag("kind", kind).register(registry).increment();
    }

    /** The bot waited because a platform rate-limited it. */
    public void rateLimitWait(String platform, Duration waited) {
        Timer.builder("dispatcher.rate.limit.waits").tag("platform", platform).register(registry).record(waited);
    }

    /** A retried or redelivered event was recognised and not answered again. */
    public void duplicateDropped(String platform) {
        Counter.builder("dispatcher.duplicate.events").tag("platform", platform).register(registry).increment();
    }

    /** Publishes how many jobs wait to be finished ({@code dispatcher_jobs_pending}); NaN when the store cannot say. */
    public void watchPendingJobs(Supplier<Integer> pending) {
        Gauge.builder("dispatcher.jobs.pending", () -> {
            try {
                return pending.get();
            } catch (RuntimeException storeDown) {
                return Double.NaN;
            }
        }).description("acknowledged events not yet fully answered, on every replica").register(registry);
    }

    /** A job whose worker died (its lease ran out) was taken over by this replica. */
    public void jobResumed(String platform) {
        Counter.builder("dispatcher.jobs.resumed").tag("platform", platform).register(registry).increment();
    }

    /**
     * A job was too old for its first plan: {@code degraded} (finished the best remaining way, say a channel message
     * instead of an expired interaction's reply) or {@code dropped} (too old to be useful).
     */
    public void jobExpired(String platform, String outcome) {
        Counter.builder("dispatcher.jobs.expired").tag("platform", platform).tag("outcome", outcome).register(registry).increment();
    }

    /** A job failed for good (every attempt failed, or the platform refused its answer). */
    public void jobFailed(String platform) {
        Counter.builder("dispatcher.jobs.failed").tag("platform", platform).register(registry).increment();
    }

    /** An event could not be stored as a job: it was answered without a record, or refused. */
    public void jobUnrecorded(String platform) {
        Counter.builder("dispatcher.jobs.unrecorded").tag("platform", platform).register(registry).increment();
    }

    /**
     * The knowledge base in use: {@code dispatcher_knowledge_base_info{version="3f2a…"} 1}, one series, the version
     * replacing the one before.
     */
    public void knowledgeBaseLoaded(String version) {
        knowledgeBase.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1.0)), true);
        knowledgeBaseLoadedAt.set(System.currentTimeMillis() / 1000);
    }

    /** A reload of the knowledge base ended: {@code reloaded} or {@code refused}. */
    public void knowledgeBaseReload(String outcome) {
        Counter.builder("dispatcher.knowledge.base.reloads").tag("outcome", outcome)
                .description("reloads of the knowledge base after its files changed or SIGHUP").register(registry).increment();
    }

    /**
     * An answer was given under a routing reply.
     *
     * @param outcome    {@code knowledge}, {@code answered}, {@code fallback}, {@code failed} or {@code budget}
     * @param cited      for a model answer, whether it cited the knowledge base
     */
    public void answered(String outcome, String specialist, String template, boolean byModel, boolean cited) {
        Counter.builder("dispatcher.answers").tag("outcome", outcome).tag("specialist", specialist).tag("template", template)
                .description("answers under routing replies, by outcome").register(registry).increment();
        if (byModel) {
            Counter.builder("dispatcher.answers.cited").tag("specialist", specialist).tag("template", template)
                    .tag("cited", Boolean.toString(cited))
                    .description("model answers, by whether they cited the knowledge base").register(registry).increment();
        }
    }

    /**
     * One request to the model provider ended.
     *
     * @param outcome {@code ok} or the failure's kind ({@code timeout}, {@code rate_limited}, …)
     */
    public void modelCall(String provider, String outcome, Duration took, long tokensIn, long tokensOut) {
        Timer.builder("dispatcher.model.latency").tag("provider", provider).tag("outcome", outcome)
                .description("time from request to complete answer (or failure)").register(registry).record(took);
        if (tokensIn > 0) {
            Counter.builder("dispatcher.model.tokens").tag("provider", provider).tag("direction", "in")
                    .register(registry).increment(tokensIn);
        }
        if (tokensOut > 0) {
            Counter.builder("dispatcher.model.tokens").tag("provider", provider).tag("direction", "out")
                    .register(registry).increment(tokensOut);
        }
    }

    /**
     * Someone voted on an answer ({@code helpful} 👍, else 👎), or took the vote back ({@code delta} -1): the helpful
     * rate per specialist and template is {@code helpful="true"} over both.
     */
    public void answerVote(String specialist, String template, boolean helpful, int delta) {
        Counter.builder("dispatcher.answer.votes").tag("specialist", specialist).tag("template", template)
                .tag("helpful", Boolean.toString(helpful)).tag("change", delta > 0 ? "added" : "withdrawn")
                .description("helpful / not helpful votes on answers").register(registry).increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
