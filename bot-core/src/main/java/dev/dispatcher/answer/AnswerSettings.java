package dev.dispatcher.answer;

import dev.dispatcher.app.EnvironmentValues;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How the specialists answer, read once from the environment: which model provider (none, the default, means the
 * knowledge base answers), where it is, with which key and model, how long an answer may take, how many tokens it and
 * a day may spend, and in which channels answers are given.
 *
 * @param provider          {@code DISPATCHER_LLM_PROVIDER}: {@code none}, {@code openai} or {@code anthropic}
 * @param baseUrl           {@code DISPATCHER_LLM_BASE_URL}: the provider's API base, or {@code null} for its own
 * @param apiKey            {@code DISPATCHER_LLM_API_KEY}; never logged, never in a prompt
 * @param model             {@code DISPATCHER_LLM_MODEL}
 * @param timeout           {@code DISPATCHER_LLM_TIMEOUT_SECONDS} (60): how long one model answer may take
 * @param maxOutputTokens   {@code DISPATCHER_LLM_MAX_OUTPUT_TOKENS} (1024)
 * @param dailyTokenBudget  {@code DISPATCHER_LLM_DAILY_TOKEN_BUDGET}: tokens in and out per UTC day; 0 means no limit
 * @param channels          {@code DISPATCHER_ANSWER_CHANNELS}: where answers are given
 */
public record AnswerSettings(Provider provider, String baseUrl, String apiKey, String model, Duration timeout,
                             int maxOutputTokens, long dailyTokenBudget, AnswerChannels channels) {

    /** Who answers: the knowledge base alone, or a model behind one of LangChain4j's chat model APIs. */
    public enum Provider { NONE, OPENAI, ANTHROPIC }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_OUTPUT_TOKENS = 1024;

    /** No model: the knowledge base answers, in every channel. */
    public static AnswerSettings none() {
        return new AnswerSettings(Provider.NONE, null, null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_OUTPUT_TOKENS, 0,
                AnswerChannels.everywhere());
    }

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the variable whose value is unusable
     */
    public static AnswerSettings fromEnvironment(Map<String, String> env) {
        String providerName = blankToNull(env.get("DISPATCHER_LLM_PROVIDER"));
        Provider provider;
        try {
            provider = providerName == null ? Provider.NONE : Provider.valueOf(providerName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DISPATCHER_LLM_PROVIDER must be one of none, openai, anthropic, was '"
                    + providerName + "'");
        }
        String baseUrl = url(env, "DISPATCHER_LLM_BASE_URL");
        String key = blankToNull(env.get("DISPATCHER_LLM_API_KEY"));
        String model = blankToNull(env.get("DISPATCHER_LLM_MODEL"));
        Duration timeout = Duration.ofSeconds(number(env, "DISPATCHER_LLM_TIMEOUT_SECONDS", DEFAULT_TIMEOUT.toSeconds(), 1, 3600));
        int maxTokens = (int) number(env, "DISPATCHER_LLM_MAX_OUTPUT_TOKENS", DEFAULT_MAX_OUTPUT_TOKENS, 16, 1_000_000);
        long budget = number(env, "DISPATCHER_LLM_DAILY_TOKEN_BUDGET", 0, 0, Long.MAX_VALUE / 2);
        AnswerChannels channels = AnswerChannels.parse(env.get("DISPATCHER_ANSWER_CHANNELS"));
        if (provider != Provider.NONE) {
            if (model == null) {
                throw new IllegalArgumentException("DISPATCHER_LLM_MODEL is required when DISPATCHER_LLM_PROVIDER is "
                        + provider.name().toLowerCase(Locale.ROOT));
            }
            // An OpenAI-compatible server on its own base URL (Ollama, vLLM) may need no key; the providers' own APIs do.
            if (key == null && (provider == Provider.ANTHROPIC || baseUrl == null)) {
                throw new IllegalArgumentException("DISPATCHER_LLM_API_KEY is required for DISPATCHER_LLM_PROVIDER="
                        + provider.name().toLowerCase(Locale.ROOT) + (provider == Provider.OPENAI
                        ? " (or set DISPATCHER_LLM_BASE_URL to a server that needs none)" : ""));
            }
        }
        return new AnswerSettings(provider, baseUrl, key, model, timeout, maxTokens, budget, channels);
    }

    /** Whether a model answers (otherwise the knowledge base does). */
    public boolean modelEnabled() {
        return provider != Provider.NONE;
    }

    /** The provider's name as settings and metrics spell it: {@code none}, {@code openai}, {@code anthropic}. */
    public String providerName() {
        return provider.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        // Records print every component; the key must never reach a log line.
        return "AnswerSettings[provider=" + providerName() + ", baseUrl=" + baseUrl + ", model=" + model + ", timeout="
                + timeout.toSeconds() + "s, maxOutputTokens=" + maxOutputTokens + ", dailyTokenBudget=" + dailyTokenBudget
                + ", channels=" + channels + "]";
    }

    private static String url(Map<String, String> env, String name) {
        String value = EnvironmentValues.webUrl(env, name, "http://localhost:11434/v1");
        return value == null ? null : value.replaceAll("/+$", "");
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        return EnvironmentValues.wholeNumber(env, name, fallback, min, max);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
