package dev.dispatcher.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fake providers speak each provider's wire format without streaming too, as LangChain4j's own clients read it. */
@DisplayName("The fake model providers")
class FakeProvidersTest {

    @Test
    @DisplayName("the fake OpenAI-compatible server answers LangChain4j's non-streaming chat model")
    void openAiWhole() {
        try (FakeOpenAi fake = new FakeOpenAi()) {
            fake.answering("Whole answer.");
            ChatModel model = OpenAiChatModel.builder().httpClientBuilder(JdkHttpClient.builder()).baseUrl(fake.baseUrl())
                    .apiKey("test-key").modelName("fake-model").build();

            assertThat(model.chat("Fix JWT expiry")).isEqualTo("Whole answer.");
            assertThat(fake.requests().get(0).path("stream").asBoolean(false)).isFalse();
        }
    }

    @Test
    @DisplayName("the fake Anthropic Messages server answers LangChain4j's non-streaming chat model")
    void anthropicWhole() {
        try (FakeAnthropic fake = new FakeAnthropic()) {
            fake.answering("Whole answer.");
            ChatModel model = AnthropicChatModel.builder().httpClientBuilder(JdkHttpClient.builder()).baseUrl(fake.baseUrl())
                    .apiKey("test-key").modelName("fake-model").maxTokens(100).build();

            assertThat(model.chat("Fix JWT expiry")).isEqualTo("Whole answer.");
        }
    }
}
