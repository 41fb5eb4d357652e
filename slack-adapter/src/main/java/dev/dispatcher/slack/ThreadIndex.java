package dev.dispatcher.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the bot's routing answers live in Slack's threads. A reaction names only a message's {@code ts}, but the
 * question that follows a misroute flag must go to the thread's parent, and a reaction on the {@code /route}
 * announcement must find the analysis in its thread. This index remembers both for the messages this process posted;
 * for older ones the thread is read from the message's permalink ({@code chat.getPermalink}, which needs no scope).
 * Thread-safe.
 */
final class ThreadIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadIndex.class);
    private static final int CAPACITY = 10_000;
    private static final Pattern THREAD_TS = Pattern.compile("[?&]thread_ts=([^&#]+)");

    private final MethodsClient client;
    private final Map<String, String> threadOfAnswer = bounded();
    private final Map<String, String> answerOfAnnouncement = bounded();

    ThreadIndex(MethodsClient client) {
        this.client = client;
    }

    /** Remembers that the answer {@code answerTs} was posted in the thread of {@code threadTs}. */
    void rememberAnswer(String channel, String answerTs, String threadTs) {
        threadOfAnswer.put(key(channel, answerTs), threadTs);
    }

    /** Remembers that the {@code /route} announcement {@code announcementTs} carries its analysis in {@code answerTs}. */
    void rememberAnnouncement(String channel, String announcementTs, String answerTs) {
        answerOfAnnouncement.put(key(channel, announcementTs), answerTs);
    }

    /** The analysis answer in the thread of an announcement, when this process posted both. */
    Optional<String> answerOf(String channel, String announcementTs) {
        return Optional.ofNullable(answerOfAnnouncement.get(key(channel, announcementTs)));
    }

    /** The {@code ts} of the thread parent of a message, or the message's own {@code ts} when it starts no thread. */
    String threadOf(String channel, String messageTs) {
        String known = threadOfAnswer.get(key(channel, messageTs));
        return known != null ? known : fromPermalink(channel, messageTs).orElse(messageTs);
    }

    private Optional<String> fromPermalink(String channel, String messageTs) {
        try {
            ChatGetPermalinkResponse response = client.chatGetPermalink(r -> r.channel(channel).messageTs(messageTs));
            if (!response.isOk() || response.getPermalink() == null) {
                LOG.warn("chat.getPermalink for {} in {} failed: {}", messageTs, channel, response.getError());
                return Optional.empty();
            }
            Matcher m = THREAD_TS.matcher(response.getPermalink());
            return m.find() ? Optional.of(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | SlackApiException e) {
            LOG.warn("chat.getPermalink for {} in {} failed: {}", messageTs, channel, e.getMessage());
            return Optional.empty();
        }
    }

    private static String key(String channel, String ts) {
        return channel + ":" + ts;
    }

    private static Map<String, String> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > CAPACITY;
            }
        });
    }
}
