package dev.dispatcher.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.testkit.Cores;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A decision shown by several messages")
class ReplyMessagesTest {

    @TempDir
    Path dir;

    private final ConversationRef announcement = new ConversationRef("slack", "C1", null, "100.1");
    private final ConversationRef analysis = new ConversationRef("slack", "C1", "100.1", "100.2");

    @Test
    @DisplayName("is found from any of them, after a restart, with the thread of its first reply")
    void foundFromEveryMessage() {
        String id;
        try (BotCore core = Cores.start(dir)) {
            id = core.dispatcher().dispatch(new Task("Fix CORS issues", "U1", announcement)).decisionId();
            core.dispatcher().attach(id, analysis);
            core.dispatcher().attach(id, announcement);
            core.dispatcher().attach(id, analysis);
        }
        try (BotCore core = Cores.start(dir)) {
            assertThat(core.feedback().flag(announcement, "U2")).hasValueSatisfying(flag -> {
                assertThat(flag.decision().id()).isEqualTo(id);
                assertThat(flag.decision().replyKey()).isEqualTo(analysis.messageKey());
                assertThat(flag.decision().replyThread()).isEqualTo("100.1");
            });
            assertThat(core.feedback().flag(analysis, "U3")).hasValueSatisfying(flag -> assertThat(flag.flagCount()).isEqualTo(2));
        }
    }

    @Test
    @DisplayName("cannot be attached when the decision does not exist")
    void unknownDecision() {
        try (BotCore core = Cores.start(dir)) {
            assertThatThrownBy(() -> core.dispatcher().attach("nope", analysis)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no decision nope");
        }
    }
}
