package dev.dispatcher.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What a message to the bot asks for")
class RequestKindTest {

    @Test
    @DisplayName("nothing, 'help' or '?' asks for usage; 'stats' for statistics; anything else is a task")
    void classifies() {
        assertThat(RequestKind.of(null)).isEqualTo(RequestKind.HELP);
        assertThat(RequestKind.of("  ")).isEqualTo(RequestKind.HELP);
        assertThat(RequestKind.of(" Help ")).isEqualTo(RequestKind.HELP);
        assertThat(RequestKind.of("?")).isEqualTo(RequestKind.HELP);
        assertThat(RequestKind.of("STATS")).isEqualTo(RequestKind.STATS);
        assertThat(RequestKind.of("help me fix the login")).isEqualTo(RequestKind.TASK);
    }
}
