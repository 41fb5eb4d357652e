package dev.dispatcher.discord.load;

import dev.dispatcher.discord.FakeDiscord;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * Delivers {@code /route} interactions through the fake gateway at a fixed rate whatever the bot does (an open loop, as
 * Discord does), and watches the fake REST API for what the bot sends back: each interaction's acknowledgement (the
 * interaction callback), timed from the moment the interaction was due, and the messages posted in threads.
 */
final class InteractionLoad {

    /** The first seconds of a run, while the JIT compiles the bot's paths; {@link Result#p99AfterWarmUpMs} leaves them out. */
    static final Duration WARM_UP = Duration.ofSeconds(10);

    /** Discord's deadline for the interaction callback; later, the interaction is gone ("Unknown interaction"). */
    static final Duration DEADLINE = Duration.ofSeconds(3);

    private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/[^/]+/callback");
    private static final Pattern CHANNEL = Pattern.compile("/channels/(\\d+)/messages");

    private final FakeDiscord discord;
    private final AtomicLong lastId = new AtomicLong();

    InteractionLoad(FakeDiscord discord) {
        this.discord = discord;
    }

    /**
     * Sends one interaction per task, {@code perSecond} a second, and returns at once after the last one: the answers
     * are still coming, {@link Step#awaitAnswered watch} them on the returned step.
     */
    Step run(String target, List<String> tasks, int perSecond) {
        Step step = new Step(target, perSecond, tasks.size());
        discord.observe(step::seen);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < tasks.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = nextId();
            step.due(id, i, due);
            discord.route(id, tasks.get(i));
        }
        step.sendingTook(System.nanoTime() - start);
        return step;
    }

    /** A snowflake of now, each one new: JDA takes an interaction's age from its id. */
    private String nextId() {
        long now = TimeUtil.getDiscordTimestamp(System.currentTimeMillis());
        return Long.toString(lastId.accumulateAndGet(now, (last, candidate) -> Math.max(last + 1, candidate)));
    }

    /** One run of interactions against one bot, and what came back. Thread-safe. */
    static final class Step {

        private final String target;
        private final int perSecond;
        private final long[] dueNanos;
        private final long[] ackNanos;
        private final Map<String, Integer> slots = new ConcurrentHashMap<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger busy = new AtomicInteger();
        private final Set<String> threadsAnswered = ConcurrentHashMap.newKeySet();
        private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
        private volatile long sendingNanos;

        private Step(String target, int perSecond, int size) {
            this.target = target;
            this.perSecond = perSecond;
            this.dueNanos = new long[size];
            this.ackNanos = new long[size];
            Arrays.fill(ackNanos, -1);
        }

        private void due(String id, int slot, long due) {
            dueNanos[slot] = due;
            slots.put(id, slot);
        }

        private void sendingTook(long nanos) {
            sendingNanos = nanos;
        }

        /** Called by the fake for every request the bot sends. */
        private void seen(String kind, String path) {
            long now = System.nanoTime();
            lastRequest.accumulateAndGet(now, Math::max);
            Matcher m;
            boolean busyReply = kind.equals(FakeDiscord.CALLBACK_REPLY);
            if ((busyReply || kind.equals(FakeDiscord.CALLBACK)) && (m = CALLBACK.matcher(path)).matches()) {
                Integer slot = slots.remove(m.group(1));
                if (slot != null) {
                    ackNanos[slot] = now - dueNanos[slot];
                    acknowledged.incrementAndGet();
                    if (busyReply) {
                        busy.incrementAndGet();   // told "busy, send it again": no answer will follow
                    }
                }
            } else if (kind.equals(FakeDiscord.THREAD_MESSAGE) && (m = CHANNEL.matcher(path)).matches()) {
                threadsAnswered.add(m.group(1));
            }
        }

        int sent() {
            return dueNanos.length;
        }

        int acknowledged() {
            return acknowledged.get();
        }

        /** Interactions answered at once with "busy, send it again" instead of being taken on. */
        int busy() {
            return busy.get();
        }

        /** Interactions the bot took on, and so owes an answer. */
        int taken() {
            return acknowledged() - busy();
        }

        /** How many distinct threads received at least one message (the prompt). */
        int threadsAnswered() {
            return threadsAnswered.size();
        }

        /**
         * Waits until {@code done} holds and the bot has then sent nothing for {@code quiet}, or until it has sent
         * nothing for {@code stalled} (what is still missing then never comes: it is reported, not waited for); returns
         * how long after the last interaction was sent its last request came (the time to answer everything).
         */
        Duration awaitAnswered(BooleanSupplier done, Duration quiet, Duration stalled) {
            while (!(done.getAsBoolean() && System.nanoTime() - lastRequest.get() > quiet.toNanos())
                    && System.nanoTime() - lastRequest.get() < stalled.toNanos()) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            return Duration.ofNanos(Math.max(0, lastRequest.get() - (startNanos() + sendingNanos)));
        }

        private long startNanos() {
            return dueNanos.length == 0 ? 0 : dueNanos[0];
        }

        /** The acknowledgement latencies and the rate achieved, once answered. */
        Result result(double targetCores, double otherCores, Duration answeredAfter) {
            long[] acks = Arrays.stream(ackNanos).filter(n -> n >= 0).sorted().toArray();
            long late = Arrays.stream(ackNanos).filter(n -> n < 0 || n > DEADLINE.toNanos()).count();
            long warmUpEnd = startNanos() + WARM_UP.toNanos();
            long[] afterWarmUp = IntStream.range(0, sent()).filter(i -> dueNanos[i] >= warmUpEnd)
                    .mapToLong(i -> ackNanos[i]).filter(n -> n >= 0).sorted().toArray();
            double seconds = sendingNanos / 1e9;
            return new Result(target, perSecond, sent(), acks.length, busy(), Math.max(0, taken() - threadsAnswered()), (int) late,
                    millis(percentile(acks, 0.50)),
                    millis(percentile(acks, 0.99)), millis(percentile(afterWarmUp, 0.99)),
                    millis(acks.length == 0 ? -1 : acks[acks.length - 1]), sent() / seconds, answeredAfter, targetCores,
                    otherCores);
        }

        private static long percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return -1;
            }
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static double millis(long nanos) {
            return nanos / 1e6;
        }
    }

    /**
     * What one run measured.
     *
     * @param busy          interactions answered at once with "busy, send it again"
     * @param unanswered    interactions taken on whose thread never got its prompt (for the baseline, which answers
     *                      nothing, the count is of no meaning)
     * @param late          interactions acknowledged after Discord's 3 s deadline, or never
     * @param p99AfterWarmUpMs the 99th percentile of the interactions due after the first {@link #WARM_UP}
     * @param achievedRate  interactions sent per second over the run
     * @param answeredAfter from the last interaction sent to the bot's last request
     * @param targetCores   CPU the bot took meanwhile, in cores
     * @param otherCores    CPU processes outside the run took meanwhile, in cores
     */
    record Result(String target, int perSecond, int sent, int acknowledged, int busy, int unanswered, int late, double p50Ms, double p99Ms,
                  double p99AfterWarmUpMs, double maxMs, double achievedRate, Duration answeredAfter, double targetCores, double otherCores) {}
}
