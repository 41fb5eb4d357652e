package dev.dispatcher.answer;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers given and the votes on them, in the bot's database: what the daily token budget sums, what a 👍 or 👎
 * finds, and what the statistics count. Every write is committed before it returns. Thread-safe.
 */
public final class AnswerLog {

    private final Database database;
    private final Clock clock;

    public AnswerLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records (or, for a resumed job's second try, replaces) the answer shown by {@code message}. */
    public void record(ConversationRef message, String decisionId, Answer answer) {
        update("INSERT INTO answers (message_key, decision_id, specialist, template, outcome, cited, tokens_in, tokens_out,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_key) DO UPDATE SET"
                        + " template = excluded.template, outcome = excluded.outcome, cited = excluded.cited,"
                        + " tokens_in = answers.tokens_in + excluded.tokens_in, tokens_out = answers.tokens_out + excluded.tokens_out",
                message.messageKey(), decisionId, answer.specialist(), answer.template(), answer.outcome().label(),
                answer.cited() ? 1 : 0, answer.tokensIn(), answer.tokensOut(), clock.millis());
    }

    /** Tokens in and out spent on answers since the start of today, UTC, on every replica. */
    public long tokensToday() {
        long since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(tokens_in + tokens_out), 0) FROM answers WHERE created_at >= ?")) {
            s.setLong(1, since);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot sum today's answer tokens: " + e.getMessage(), e);
        }
    }

    /** An answer as stored: whose, from which template. */
    public record StoredAnswer(String messageKey, String decisionId, String specialist, String template, String outcome) {}

    /** A vote as recorded: the answer it is about and whether it replaced an earlier one by the same person. */
    public record Vote(StoredAnswer answer, boolean helpful, boolean changed) {}

    /**
     * Records that {@code user} found the answer shown by {@code message} helpful or not; one vote per person, the
     * latest reaction counting.
     *
     * @return the vote, or empty when the message shows no answer
     */
    public Optional<Vote> vote(ConversationRef message, String user, boolean helpful) {
        Optional<StoredAnswer> answer = find(message);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Optional<Boolean> before = votedHelpful(message.messageKey(), user);
        update("INSERT INTO answer_votes (message_key, user_id, helpful, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (message_key, user_id) DO UPDATE SET helpful = excluded.helpful, created_at = excluded.created_at",
                message.messageKey(), user, helpful ? 1 : 0, clock.millis());
        return Optional.of(new Vote(answer.get(), helpful, before.isPresent() && before.get() != helpful));
    }

    /**
     * Withdraws {@code user}'s vote when its reaction is taken back; taking back 👍 leaves a later 👎 standing.
     *
     * @return the answer, when a vote was withdrawn
     */
    public Optional<StoredAnswer> withdraw(ConversationRef message, String user, boolean helpful) {
        Optional<StoredAnswer> answer = find(message);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        int removed = update("DELETE FROM answer_votes WHERE message_key = ? AND user_id = ? AND helpful = ?",
                message.messageKey(), user, helpful ? 1 : 0);
        return removed == 1 ? answer : Optional.empty();
    }

    private Optional<Boolean> votedHelpful(String messageKey, String user) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT helpful FROM answer_votes WHERE message_key = ? AND user_id = ?")) {
            s.setString(1, messageKey);
            s.setString(2, user);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1) == 1) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read a vote: " + e.getMessage(), e);
        }
    }

    /** The answer a message shows, if it shows one. */
    public Optional<StoredAnswer> find(ConversationRef message) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT message_key, decision_id, specialist, template, outcome FROM answers WHERE message_key = ?")) {
            s.setString(1, message.messageKey());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredAnswer(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read an answer: " + e.getMessage(), e);
        }
    }

    /**
     * Answers and votes grouped by one column since a moment.
     *
     * @param column {@code specialist} or {@code template}
     */
    List<AnswerStats.Row> grouped(String column, Instant since) {
        if (!column.equals("specialist") && !column.equals("template")) {
            throw new IllegalArgumentException("not a grouping: " + column);
        }
        String sql = "SELECT a." + column + ", COUNT(*),"
                + " SUM(CASE WHEN a.outcome IN ('answered', 'fallback') THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.outcome IN ('answered', 'fallback') AND a.cited = 1 THEN 1 ELSE 0 END),"
                + " COALESCE(SUM(v.up), 0), COALESCE(SUM(v.down), 0)"
                + " FROM answers a LEFT JOIN (SELECT message_key, SUM(helpful) AS up, SUM(1 - helpful) AS down"
                + " FROM answer_votes GROUP BY message_key) v ON v.message_key = a.message_key"
                + " WHERE a.created_at >= ? GROUP BY a." + column + " ORDER BY a." + column;
        List<AnswerStats.Row> rows = new ArrayList<>();
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, since.toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AnswerStats.Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read answer statistics: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record an answer: " + e.getMessage(), e);
        }
    }
}
