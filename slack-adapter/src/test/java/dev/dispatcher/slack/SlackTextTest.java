package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SlackText")
class SlackTextTest {

    @Test
    @DisplayName("escape turns &, < and > into entities, so <!channel> cannot ping")
    void escapes() {
        // WHEN text with control characters is escaped
        String escaped = SlackText.escape("a & b <!channel> <@U123> c > d");

        // THEN only entities remain
        assertThat(escaped).isEqualTo("a &amp; b &lt;!channel&gt; &lt;@U123&gt; c &gt; d");
    }

    @Test
    @DisplayName("unescape restores what the user typed from Slack's escaping, without decoding twice")
    void unescapes() {
        // GIVEN the user typed "a < b & &lt;" and Slack escaped it
        String fromSlack = "a &lt; b &amp; &amp;lt;";

        // THEN the task is what was typed
        assertThat(SlackText.unescape(fromSlack)).isEqualTo("a < b & &lt;");
    }

    @Test
    @DisplayName("mention keeps a real Slack user id and escapes anything else")
    void mentions() {
        assertThat(SlackText.mention("U0ALICE")).isEqualTo("<@U0ALICE>");
        assertThat(SlackText.mention("<!channel>")).isEqualTo("&lt;!channel&gt;");
    }

    @Test
    @DisplayName("preformatted splits long text into fenced chunks under the limit, at line ends, never inside an entity")
    void splitsUnderLimit() {
        // GIVEN 200 lines of 40 characters and one 5000-character line full of '<'
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("line ").append(i).append(" ").append("x".repeat(30)).append('\n');
        }
        text.append("<".repeat(5000));

        // WHEN it is prepared for section blocks
        List<String> chunks = SlackText.preformatted(text.toString(), SlackText.SECTION_LIMIT);

        // THEN every chunk fits a section, is fenced, and no entity was cut in two
        assertThat(chunks).hasSizeGreaterThan(3).allSatisfy(chunk -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT);
            assertThat(chunk).startsWith("```\n").endsWith("\n```");
            String body = chunk.substring(4, chunk.length() - 4);
            assertThat(body.replace("&lt;", "")).doesNotContain("&", "<");
        });
        String joined = String.join("\n", chunks.stream().map(c -> c.substring(4, c.length() - 4)).toList());
        assertThat(joined.replace("\n", "")).isEqualTo(SlackText.escape(text.toString()).replace("\n", ""));
    }

    @Test
    @DisplayName("a code fence inside the text cannot close the preformatted block early")
    void defusesFences() {
        // WHEN the prompt itself contains ``` 
        List<String> chunks = SlackText.preformatted("before\n```\nafter", SlackText.SECTION_LIMIT);

        // THEN the only fences are the block's own
        assertThat(chunks).singleElement().satisfies(chunk ->
                assertThat(chunk.substring(3, chunk.length() - 3)).doesNotContain("```"));
    }
}
