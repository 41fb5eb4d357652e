package dev.dispatcher.web;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.dispatch.TaskText;
import dev.dispatcher.feedback.EvalExport;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.feedback.KeywordSuggestions;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.reply.TextReplyRenderer;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.store.DecisionLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the page lets a team lead do, each the same call the command line makes: forget a decision's corrections
 * ({@code forget}), confirm them ({@code confirm}), change one, download the {@code export} file, read
 * {@code suggest}'s keywords, and try a task without storing it. A change moves routing here at once and on every
 * other replica at its next learning refresh, as a correction in chat does. Nothing here posts to a chat platform.
 */
final class Actions {

    /** A decision id as {@link DecisionLog} makes them; anything else is refused before the database is asked. */
    private static final String DECISION_ID = "[a-z0-9]{1,32}";

    private final BotCore core;

    Actions(BotCore core) {
        this.core = core;
    }

    /** {@code forget}: the decision's corrections and flags go, and the router unlearns them. */
    void forget(String decisionId) {
        if (!core.feedback().forget(checked(decisionId))) {
            throw new BadRequest("there is no decision with that id");
        }
    }

    /** {@code confirm}: the decision's corrections that wait for review teach. */
    void confirm(String decisionId) {
        if (core.feedback().confirm(checked(decisionId)) == 0) {
            throw new BadRequest("that decision has no correction waiting for review");
        }
    }

    /** One person's correction now names another specialist, and teaches. */
    void change(String decisionId, String user, String specialist) {
        Feedback.Correction outcome = core.feedback().change(checked(decisionId), user, specialist);
        if (!outcome.recorded()) {
            throw new BadRequest(outcome.rejection());
        }
    }

    /** What {@code ./dispatcher export} would write. */
    byte[] export() {
        try {
            Path dir = Files.createTempDirectory("dispatcher-export");
            Path file = dir.resolve("export.jsonl");
            try {
                new EvalExport(core.database()).write(file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the export: " + e.getMessage(), e);
        }
    }

    /** What {@code ./dispatcher suggest} would print. */
    SuggestionsModel suggestions() {
        KeywordSuggestions suggestions = new KeywordSuggestions(core.catalog(), TextAnalyzer.forRouting(core.catalog().settings()));
        return new SuggestionsModel(suggestions.render(core.feedbackRows()));
    }

    /** The answer chat would give a task, routed by the router in use and not stored. */
    TryModel tryTask(String task, String csrf) {
        if (task == null || TaskText.isBlank(task)) {
            throw new BadRequest("type a task to try, e.g. Fix JWT token expiration");
        }
        if (task.length() > DecisionLog.MAX_STORED_CHARS) {
            throw new BadRequest("a task to try may have at most " + DecisionLog.MAX_STORED_CHARS + " characters");
        }
        Reply reply = core.dispatcher().replay(null, new Task(task, "web", new ConversationRef("web", "page", null, null)));
        return new TryModel(task, reply.specialist().id(), new TextReplyRenderer().render(reply, ""), csrf);
    }

    private static String checked(String decisionId) {
        if (decisionId == null || !decisionId.matches(DECISION_ID)) {
            throw new BadRequest("a decision id is a short run of lower-case letters and digits, e.g. vu479gz8kc");
        }
        return decisionId;
    }
}
