package dev.dispatcher.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.store.Database;
import dev.dispatcher.testkit.StoreKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the answers table promises on every database the bot supports: answers recorded once per message, votes once
 * per person, the day's tokens, and the statistics. Subclasses pick the database.
 */
abstract class AnswerLogContract {

    private final StoreKit.TestClock clock = new StoreKit.TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private AnswerLog log;

    abstract StoreKit.Backend backend();

    @BeforeEach
    void open() {
        Database database = backend().openNew();
        log = new AnswerLog(database, clock);
    }

    private static Answer answer(String specialist, String template, Answer.Outcome outcome, boolean cited, long in, long out) {
        return new Answer(outcome, specialist, template, "title", "body", List.of(new KnowledgeLink("kb/a.md", "kb/a.md", null)),
                cited, in, out);
    }

    private static ConversationRef message(String id) {
        return new ConversationRef("chat", "C1", "100", id);
    }

    @Test
    @DisplayName("today's tokens add up every answer since midnight UTC, a resumed answer's second try included")
    void tokensToday() {
        log.record(message("1"), null, answer("auth", "auth", Answer.Outcome.ANSWERED, true, 100, 20));
        log.record(message("1"), null, answer("auth", "auth", Answer.Outcome.ANSWERED, true, 50, 10));
        log.record(message("2"), null, answer("db", "db", Answer.Outcome.ANSWERED, false, 7, 3));

        assertThat(log.tokensToday()).isEqualTo(190);
        clock.advance(Duration.ofDays(1));
        assertThat(log.tokensToday()).isZero();
    }

    @Test
    @DisplayName("one vote per person, the latest counting; taking back 👍 leaves a later 👎 standing")
    void votes() {
        log.record(message("1"), null, answer("auth", "auth", Answer.Outcome.ANSWERED, true, 1, 1));

        assertThat(log.vote(message("1"), "U1", true)).get().satisfies(v -> assertThat(v.changed()).isFalse());
        assertThat(log.vote(message("1"), "U1", false)).get().satisfies(v -> assertThat(v.changed()).isTrue());
        assertThat(log.withdraw(message("1"), "U1", true)).isEmpty();
        assertThat(log.vote(message("9"), "U1", true)).isEmpty();

        AnswerStats.Row row = new AnswerStats(log, clock).bySpecialist(Duration.ofDays(1)).get(0);
        assertThat(row.helpful()).isZero();
        assertThat(row.unhelpful()).isEqualTo(1);
    }

    @Test
    @DisplayName("statistics per specialist and per template: answers, model answers, cited, helpful and cite rates")
    void statistics() {
        log.record(message("1"), null, answer("auth", "auth", Answer.Outcome.ANSWERED, true, 1, 1));
        log.record(message("2"), null, answer("auth", "overview", Answer.Outcome.FALLBACK, false, 1, 1));
        log.record(message("3"), null, answer("auth", Answer.KNOWLEDGE_BASE, Answer.Outcome.KNOWLEDGE, true, 0, 0));
        log.vote(message("1"), "U1", true);
        log.vote(message("1"), "U2", true);
        log.vote(message("2"), "U1", false);

        AnswerStats stats = new AnswerStats(log, clock);
        AnswerStats.Row auth = stats.bySpecialist(Duration.ofDays(30)).get(0);
        assertThat(auth.answers()).isEqualTo(3);
        assertThat(auth.byModel()).isEqualTo(2);
        assertThat(auth.citeRate()).isEqualTo(0.5);
        assertThat(auth.helpfulRate()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.byTemplate(Duration.ofDays(30))).extracting(AnswerStats.Row::name)
                .containsExactly("auth", Answer.KNOWLEDGE_BASE, "overview");
        assertThat(stats.text()).contains("auth").contains("67%").contains("50%");
    }
}
