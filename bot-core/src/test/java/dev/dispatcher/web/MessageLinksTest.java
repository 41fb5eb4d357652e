package dev.dispatcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Links from a flagged decision to the bot's reply on its platform, where the platform gives one. */
class MessageLinksTest {

    private final MessageLinks links = new MessageLinks(new WebSettings("127.0.0.1", 8080, null, "https://team.slack.com", "1234567890"));

    @Test
    @DisplayName("a Slack reply in a thread links to the workspace's archive, at the message, in its thread")
    void slack() {
        assertThat(links.of("slack:C0TEAM:1700000000.000200", "1700000000.000100"))
                .isEqualTo("https://team.slack.com/archives/C0TEAM/p1700000000000200?thread_ts=1700000000.000100&cid=C0TEAM");
    }

    @Test
    @DisplayName("a Discord reply links to its server, channel and message")
    void discord() {
        assertThat(links.of("discord:880011:990022", null)).isEqualTo("https://discord.com/channels/1234567890/880011/990022");
    }

    @Test
    @DisplayName("the shell, a platform without its setting, or a key that is not a message's, gives no link")
    void none() {
        assertThat(links.of("shell:local:7", null)).isNull();
        assertThat(new MessageLinks(new WebSettings("127.0.0.1", 8080, null, null, null)).of("slack:C0TEAM:1700000000.000200", null)).isNull();
        assertThat(links.of("slack:C0TEAM\"><script>:1700000000.0002", null)).isNull();
        assertThat(links.of(null, null)).isNull();
    }
}
