package dev.dispatcher.discord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Every request the bot made in a Mockito-built test, in order, and when Discord answers them: at once by default, or,
 * after {@link #holdAnswers()}, only when the test says so. Thread-safe.
 */
final class Outbox implements FakeRestAction.Wire {

    private final List<Outgoing> sent = new CopyOnWriteArrayList<>();
    private volatile Executor answers = Runnable::run;

    @Override
    public void carry(Outgoing request, Runnable answer) {
        sent.add(request);
        answers.execute(answer);
    }

    /**
     * From now on Discord is slow: requests are still recorded as they are queued, but every answer (the success or
     * failure callback) waits, in order, on another thread, until the returned action releases them all.
     */
    Runnable holdAnswers() {
        CountDownLatch released = new CountDownLatch(1);
        ExecutorService discord = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "slow-discord");
            t.setDaemon(true);
            return t;
        });
        answers = answer -> discord.execute(() -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answer.run();
        });
        return released::countDown;
    }

    List<Outgoing> all() {
        return List.copyOf(sent);
    }

    List<Outgoing> ofKind(String kind) {
        return sent.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    /** Everything posted as a message (sent, replied, or shown through the interaction) in a channel or thread. */
    List<Outgoing> postedIn(String channelId) {
        return posted().stream().filter(o -> channelId.equals(o.channelId())).toList();
    }

    /** Every message the bot posted, sent or replied or through the interaction. */
    List<Outgoing> posted() {
        return sent.stream().filter(o -> !o.kind().equals("thread") && !o.kind().equals("interaction-reply")).toList();
    }
}
