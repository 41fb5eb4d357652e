package dev.dispatcher.dispatch;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids for the front ends that have no platform to number their messages (the shell, the command line): a
 * random session id and a counter, so ids are unique across sessions, processes and machines sharing one database,
 * and a flag always lands on the reply it names. Thread-safe.
 */
public final class LocalMessageIds {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int SESSION_CHARS = 12;

    private final String session;
    private final AtomicLong counter = new AtomicLong();

    /** A new session: 60 random bits, so two sessions never share an id. */
    public LocalMessageIds() {
        SecureRandom random = new SecureRandom();
        char[] id = new char[SESSION_CHARS];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        this.session = new String(id);
    }

    /** The next message id of this session, e.g. {@code k3x9q2mfa7tw-4}. */
    public String next() {
        return session + "-" + counter.incrementAndGet();
    }
}
