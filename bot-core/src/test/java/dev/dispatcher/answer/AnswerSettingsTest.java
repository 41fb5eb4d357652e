package dev.dispatcher.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Answer settings are read from the environment and checked at start-up")
class AnswerSettingsTest {

    @Test
    @DisplayName("without settings the knowledge base answers, everywhere, with a 60 s timeout")
    void defaults() {
        AnswerSettings settings = AnswerSettings.fromEnvironment(Map.of());

        assertThat(settings.modelEnabled()).isFalse();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.channels().answersIn("C123")).isTrue();
    }

    @Test
    @DisplayName("an unknown provider is named with its variable")
    void unknownProvider() {
        assertThatThrownBy(() -> AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_PROVIDER", "gpt")))
                .hasMessage("DISPATCHER_LLM_PROVIDER must be one of none, openai, anthropic, was 'gpt'");
    }

    @Test
    @DisplayName("a provider without a model names DISPATCHER_LLM_MODEL")
    void missingModel() {
        assertThatThrownBy(() -> AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_PROVIDER", "anthropic",
                "DISPATCHER_LLM_API_KEY", "test-key")))
                .hasMessageStartingWith("DISPATCHER_LLM_MODEL is required");
    }

    @Test
    @DisplayName("Anthropic, or OpenAI on its own URL, without a key names DISPATCHER_LLM_API_KEY")
    void missingKey() {
        assertThatThrownBy(() -> AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_PROVIDER", "openai",
                "DISPATCHER_LLM_MODEL", "gpt-4o-mini")))
                .hasMessageStartingWith("DISPATCHER_LLM_API_KEY is required");
    }

    @Test
    @DisplayName("an OpenAI-compatible server on its own base URL (Ollama) needs no key")
    void localServerWithoutKey() {
        AnswerSettings settings = AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_PROVIDER", "openai",
                "DISPATCHER_LLM_MODEL", "llama3.2", "DISPATCHER_LLM_BASE_URL", "http://localhost:11434/v1/"));

        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
    }

    @Test
    @DisplayName("a malformed base URL is named with its variable")
    void malformedUrl() {
        assertThatThrownBy(() -> AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_BASE_URL", "localhost:11434")))
                .hasMessageStartingWith("DISPATCHER_LLM_BASE_URL must be an http(s) URL");
    }

    @Test
    @DisplayName("numbers out of range are named with their variable")
    void badNumbers() {
        assertThatThrownBy(() -> AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_TIMEOUT_SECONDS", "0")))
                .hasMessageStartingWith("DISPATCHER_LLM_TIMEOUT_SECONDS must be a whole number from 1");
        assertThatThrownBy(() -> AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_DAILY_TOKEN_BUDGET", "lots")))
                .hasMessageStartingWith("DISPATCHER_LLM_DAILY_TOKEN_BUDGET must be a whole number");
    }

    @Test
    @DisplayName("DISPATCHER_ANSWER_CHANNELS: listed channels only, or none")
    void channels() {
        AnswerChannels listed = AnswerSettings.fromEnvironment(Map.of("DISPATCHER_ANSWER_CHANNELS", "C1, C2")).channels();
        AnswerChannels none = AnswerSettings.fromEnvironment(Map.of("DISPATCHER_ANSWER_CHANNELS", "none")).channels();

        assertThat(listed.answersIn("C1")).isTrue();
        assertThat(listed.answersIn("C3")).isFalse();
        assertThat(none.answersIn("C1")).isFalse();
    }

    @Test
    @DisplayName("the key never appears in the settings' text")
    void keyNeverPrinted() {
        AnswerSettings settings = AnswerSettings.fromEnvironment(Map.of("DISPATCHER_LLM_PROVIDER", "anthropic",
                "DISPATCHER_LLM_MODEL", "claude", "DISPATCHER_LLM_API_KEY", "test-key-do-not-print"));

        assertThat(settings.toString()).doesNotContain("test-key-do-not-print");
    }
}
