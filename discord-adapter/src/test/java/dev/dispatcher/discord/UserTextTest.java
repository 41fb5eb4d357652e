package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    @DisplayName("mass mentions, user mentions and role mentions are broken so they render as text")
    void breaksMentions() {
        // WHEN
        String safe = UserText.inline("@everyone @HERE <@123> <@!123> <@&456>");

        // THEN
        assertThat(safe).doesNotContain("@everyone", "@HERE", "<@123>", "<@!123>", "<@&456>")
                .contains("everyone", "HERE", "123", "456");
    }

    @Test
    @DisplayName("markdown a user typed is shown as typed, not rendered")
    void escapesMarkdown() {
        assertThat(UserText.inline("**bold** _it_")).isEqualTo("\\*\\*bold\\*\\* \\_it\\_");
    }

    @Test
    @DisplayName("one-line text is flattened and shortened with an ellipsis")
    void oneLine() {
        assertThat(UserText.oneLine("a\nb   c " + "d".repeat(200), 20)).hasSize(20).startsWith("a b c d").endsWith("…");
    }
}
