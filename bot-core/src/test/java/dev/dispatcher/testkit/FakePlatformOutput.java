package dev.dispatcher.testkit;

import dev.dispatcher.conversation.Content;
import dev.dispatcher.conversation.InboundEvent;
import dev.dispatcher.conversation.PlatformOutput;
import dev.dispatcher.conversation.Posted;
import dev.dispatcher.dispatch.ConversationRef;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A platform for pipeline specifications: it records what the core asked it to show, and where, and answers with
 * fresh message ids as a platform would. A test can script the next call of a method to fail with a platform error
 * ({@link #failNext}) or to throw, as a process dying mid-request would leave it ({@link #crashNext}), or hold calls
 * until it lets them go ({@link #hold}). Thread-safe.
 */
public final class FakePlatformOutput implements PlatformOutput {

    /**
     * One thing the core asked for.
     *
     * @param method       {@code post}, {@code post-via-callback}, {@code reply}, {@code edit}, {@code ask} or {@code whisper}
     * @param where        the conversation it went to (for {@code post} and {@code whisper}, the event's)
     * @param content      what was to be shown
     * @param posted       the new message, or {@code null} when it failed or was private
     */
    public record Sent(String method, ConversationRef where, Content content, ConversationRef posted) {}

    private final String platform;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Deque<RuntimeException>> crashes = new HashMap<>();
    private final Map<String, Deque<String>> failures = new HashMap<>();
    private final List<Map.Entry<String, java.util.function.Predicate<Content>>> crashWhen = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile Duration callbackLifetime = Duration.ofMinutes(15);
    private volatile CountDownLatch held;

    public FakePlatformOutput(String platform) {
        this.platform = platform;
    }

    public void callbackLifetime(Duration lifetime) {
        this.callbackLifetime = lifetime;
    }

    /** The next call of {@code method} answers with the platform error {@code error}. */
    public synchronized void failNext(String method, String error) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(error);
    }

    /** The next call of {@code method} throws, before anything is shown: the job dies half-way. */
    public synchronized void crashNext(String method) {
        crashes.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new IllegalStateException("the process died during " + method));
    }

    /** The next call of {@code method} whose content matches throws, before anything is shown. */
    public synchronized void crashWhen(String method, java.util.function.Predicate<Content> content) {
        crashWhen.add(Map.entry(method, content));
    }

    /** Every call waits until the returned action runs. */
    public Runnable hold() {
        CountDownLatch latch = new CountDownLatch(1);
        held = latch;
        return () -> {
            held = null;
            latch.countDown();
        };
    }

    @Override
    public Duration callbackLifetime() {
        return callbackLifetime;
    }

    @Override
    public Posted post(InboundEvent origin, Content content) {
        ConversationRef where = origin.conversation();
        return show(origin.callback() != null ? "post-via-callback" : "post", where, content,
                new ConversationRef(platform, where.channel(), where.thread(), nextId()));
    }

    @Override
    public Posted reply(ConversationRef under, Content content) {
        return show("reply", under, content, inThreadOf(under));
    }

    @Override
    public Posted edit(ConversationRef message, Content content) {
        return show("edit", message, content, message);
    }

    @Override
    public Posted ask(ConversationRef under, Content.MisrouteQuestion question) {
        return show("ask", under, question, inThreadOf(under));
    }

    @Override
    public void whisper(InboundEvent origin, Content content) {
        show("whisper", origin.conversation(), content, null);
    }

    private ConversationRef inThreadOf(ConversationRef under) {
        String thread = under.thread() != null ? under.thread() : under.message();
        return new ConversationRef(platform, under.channel(), thread, nextId());
    }

    private Posted show(String method, ConversationRef where, Content content, ConversationRef posted) {
        awaitRelease();
        String error;
        synchronized (this) {
            Deque<RuntimeException> crash = crashes.get(method);
            if (crash != null && !crash.isEmpty()) {
                throw crash.poll();
            }
            for (var when : crashWhen) {
                if (when.getKey().equals(method) && when.getValue().test(content)) {
                    crashWhen.remove(when);
                    throw new IllegalStateException("the process died during " + method);
                }
            }
            Deque<String> failure = failures.get(method);
            error = failure == null ? null : failure.poll();
            sent.add(new Sent(method, where, content, error == null ? posted : null));
            notifyAll();
        }
        if (error != null) {
            return Posted.failed(error);
        }
        return posted == null ? Posted.ok(where) : Posted.ok(posted);
    }

    private void awaitRelease() {
        CountDownLatch latch = held;
        if (latch != null) {
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held for 30 s and never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Everything shown so far, in order. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** What was shown by {@code method}. */
    public synchronized List<Sent> sent(String method) {
        return sent.stream().filter(s -> s.method().equals(method)).toList();
    }

    private String nextId() {
        return Long.toString(ids.incrementAndGet());
    }
}
