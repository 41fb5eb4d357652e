package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.answer.Answer;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.testkit.FakePlatformOutput;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A streaming answer is shown by edits on a timer, never per token")
class StreamedAnswerTest {

    private final FakePlatformOutput output = new FakePlatformOutput("chat");
    private final ConversationRef thread = new ConversationRef("chat", "C1", "100", "100");

    private static Answer finished(String body) {
        return new Answer(Answer.Outcome.ANSWERED, "auth-system-architect", "auth-system-architect", "✅ done", body,
                List.of(new KnowledgeLink("kb/auth.md", "kb/auth.md#tokens", "Tokens")), true, 10, 5);
    }

    @Test
    @DisplayName("the title is shown at once; a hundred pieces of text become one edit at the next tick")
    void oneEditPerTick() {
        StreamedAnswer answer = new StreamedAnswer(output, thread, null, "🤖 answering…");
        ConversationRef first = answer.open();
        for (int i = 0; i < 100; i++) {
            answer.text("token" + i + " ");
        }

        answer.flush();
        answer.flush();

        assertThat(output.sent()).extracting(FakePlatformOutput.Sent::method).containsExactly("reply", "edit");
        assertThat(output.sent("edit").get(0).where()).isEqualTo(first);
        assertThat(((Content.Answer) output.sent("edit").get(0).content()).body()).startsWith("token0 token1").endsWith("token99");
    }

    @Test
    @DisplayName("the finished answer replaces the text with its links, and a late tick changes nothing after it")
    void finishWins() {
        StreamedAnswer answer = new StreamedAnswer(output, thread, null, "🤖 answering…");
        answer.open();
        answer.text("partial");

        answer.finish(finished("The whole answer."));
        answer.text(" late");
        answer.flush();

        List<FakePlatformOutput.Sent> edits = output.sent("edit");
        assertThat(edits).hasSize(1);
        Content.Answer shown = (Content.Answer) edits.get(0).content();
        assertThat(shown.body()).isEqualTo("The whole answer.");
        assertThat(shown.complete()).isTrue();
        assertThat(shown.sources()).hasSize(1);
    }

    @Test
    @DisplayName("a retry by the overview specialist starts the text again under its own title")
    void retryStartsAgain() {
        StreamedAnswer answer = new StreamedAnswer(output, thread, null, "🤖 answering…");
        answer.open();
        answer.text("half an answer");
        answer.flush();

        answer.attempt("🤖 overview is answering instead…");
        answer.text("Another");
        answer.flush();

        Content.Answer last = (Content.Answer) output.sent("edit").get(1).content();
        assertThat(last.title()).isEqualTo("🤖 overview is answering instead…");
        assertThat(last.body()).isEqualTo("Another");
    }

    @Test
    @DisplayName("a resumed answer edits the message it already had instead of posting another")
    void resumedEditsItsMessage() {
        ConversationRef earlier = new ConversationRef("chat", "C1", "100", "555");
        StreamedAnswer answer = new StreamedAnswer(output, thread, earlier, "🤖 answering…");

        assertThat(answer.open()).isEqualTo(earlier);
        answer.finish(finished("Done."));

        assertThat(output.sent()).extracting(FakePlatformOutput.Sent::method).containsExactly("edit", "edit");
        assertThat(output.sent()).allSatisfy(s -> assertThat(s.where()).isEqualTo(earlier));
    }
}
