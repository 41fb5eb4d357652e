package dev.dispatcher.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Long answers are split into messages without breaking code blocks")
class AnswerPagesTest {

    @Test
    @DisplayName("a short answer is one page")
    void shortAnswer() {
        assertThat(AnswerPages.split("Use a refresh token.", 2000)).containsExactly("Use a refresh token.");
    }

    @Test
    @DisplayName("pages break between paragraphs and stay within the limit")
    void betweenParagraphs() {
        String paragraph = "word ".repeat(30).strip();
        String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph));

        List<String> pages = AnswerPages.split(text, 400);

        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page.length()).isLessThanOrEqualTo(400));
        assertThat(String.join("\n\n", pages)).isEqualTo(text);
    }

    @Test
    @DisplayName("a code block longer than a page is closed and reopened with its language on every page")
    void longCodeBlock() {
        StringBuilder code = new StringBuilder("```python\n");
        for (int i = 0; i < 60; i++) {
            code.append("token = create_access_token(identity=user_").append(i).append(")\n");
        }
        code.append("```");

        List<String> pages = AnswerPages.split("Here is the fix:\n\n" + code, 500);

        assertThat(pages).hasSizeGreaterThan(2).allSatisfy(page -> {
            assertThat(page.length()).isLessThanOrEqualTo(500);
            assertThat(page.split("```", -1).length % 2).as("fences pair up").isEqualTo(1);
        });
        assertThat(pages.subList(1, pages.size())).allSatisfy(page -> assertThat(page).startsWith("```python\n"));
    }

    @Test
    @DisplayName("a code block still open while the answer streams is shown closed")
    void openBlockWhileStreaming() {
        List<String> pages = AnswerPages.split("Try:\n\n```bash\nflask db upgrade", 2000);

        assertThat(pages).singleElement().satisfies(page -> assertThat(page).endsWith("flask db upgrade\n```"));
    }
}
