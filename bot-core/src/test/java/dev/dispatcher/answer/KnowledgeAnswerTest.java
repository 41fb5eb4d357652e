package dev.dispatcher.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.testkit.Cores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Without a model, the knowledge base answers")
class KnowledgeAnswerTest {

    @TempDir
    Path dir;

    private BotCore core;

    @BeforeEach
    void start() {
        core = Cores.start(dir);
    }

    @AfterEach
    void stop() {
        core.close();
    }

    private Reply route(String task) {
        return core.dispatcher().dispatch(new Task(task, "U0ALICE", new ConversationRef("shell", "local", null, "1")));
    }

    @Test
    @DisplayName("the section the analysis links comes first, excerpted, with its link")
    void linkedSectionFirst() {
        // GIVEN
        Reply reply = route("Fix JWT token expiration and refresh");

        // WHEN
        Answer answer = core.answerer().answer(reply, AnswerStream.ignored());

        // THEN
        assertThat(answer.outcome()).isEqualTo(Answer.Outcome.KNOWLEDGE);
        assertThat(answer.template()).isEqualTo(Answer.KNOWLEDGE_BASE);
        assertThat(answer.sources().get(0)).isEqualTo(reply.decision().knowledge());
        assertThat(answer.body()).startsWith("§ " + reply.decision().knowledge().section());
        assertThat(answer.body().length()).isLessThan(2 * Answerer.SHOWN_CHARS + 200);
    }

    @Test
    @DisplayName("no more than two sections, and a second only when it scores close to the first")
    void atMostTwoSections() {
        Reply reply = route("Add new table for user sessions with a migration");

        Answer answer = core.answerer().answer(reply, AnswerStream.ignored());

        assertThat(answer.sources()).hasSizeBetween(1, 2);
        assertThat(answer.body().split("§ ", -1).length - 1).isEqualTo(answer.sources().size());
    }

    @Test
    @DisplayName("an excerpt never ends inside a code block")
    void excerptsCloseCodeBlocks() {
        Reply reply = route("How do I hash passwords at signup with bcrypt?");

        Answer answer = core.answerer().answer(reply, AnswerStream.ignored());

        assertThat(answer.body().split("```", -1).length % 2).as("fences pair up").isEqualTo(1);
    }
}
