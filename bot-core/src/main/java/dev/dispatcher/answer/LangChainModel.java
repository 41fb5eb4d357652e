package dev.dispatcher.answer;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The specialist's model through LangChain4j's streaming chat model API: OpenAI and every OpenAI-compatible server
 * (Ollama, vLLM, LM Studio) through the base URL, or Anthropic's Messages API, on LangChain4j's JDK HTTP client. The
 * model gets no tools, and requests and responses are never logged. An answer not complete within the timeout is
 * cancelled. Thread-safe.
 */
public final class LangChainModel implements SpecialistModel {

    /** Short answers that only decline; a longer one that starts so usually goes on to help. */
    private static final Pattern REFUSAL = Pattern.compile(
            "^\\s*(I'm sorry|I am sorry|Sorry|I can(?:no|')t|I won't|I will not|I'm unable|I am unable)\\b.{0,200}$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final StreamingChatModel model;
    private final Duration timeout;
    private final RetryAfterWatch rateLimits;

    LangChainModel(StreamingChatModel model, Duration timeout, RetryAfterWatch rateLimits) {
        this.model = model;
        this.timeout = timeout;
        this.rateLimits = rateLimits;
    }

    /** The model the settings name; {@code settings} must name a provider. */
    public static LangChainModel of(AnswerSettings settings) {
        RetryAfterWatch rateLimits = new RetryAfterWatch();
        var http = JdkHttpClient.builder().httpClientBuilder(rateLimits.builder())
                .connectTimeout(Duration.ofSeconds(Math.min(10, settings.timeout().toSeconds())))
                .readTimeout(settings.timeout());
        StreamingChatModel model = switch (settings.provider()) {
            case OPENAI -> {
                var b = OpenAiStreamingChatModel.builder().httpClientBuilder(http).modelName(settings.model())
                        .apiKey(settings.apiKey() == null ? "none" : settings.apiKey())
                        .timeout(settings.timeout()).maxTokens(settings.maxOutputTokens())
                        .logRequests(false).logResponses(false);
                if (settings.baseUrl() != null) {
                    b.baseUrl(settings.baseUrl());
                }
                yield b.build();
            }
            case ANTHROPIC -> {
                var b = AnthropicStreamingChatModel.builder().httpClientBuilder(http).modelName(settings.model())
                        .apiKey(settings.apiKey()).timeout(settings.timeout()).maxTokens(settings.maxOutputTokens())
                        .logRequests(false).logResponses(false);
                if (settings.baseUrl() != null) {
                    b.baseUrl(settings.baseUrl());
                }
                yield b.build();
            }
            case NONE -> throw new IllegalArgumentException("no model provider is set");
        };
        return new LangChainModel(model, settings.timeout(), rateLimits);
    }

    @Override
    public ModelReply answer(ModelPrompt prompt, Consumer<String> onText) throws ModelFailure {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())).build();
        try {
            model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    if (!done.isDone() && partial != null) {
                        onText.accept(partial);
                    }
                }

                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    handle.set(context.streamingHandle());
                    if (done.isDone()) {
                        context.streamingHandle().cancel();
                        return;
                    }
                    if (partial.text() != null) {
                        onText.accept(partial.text());
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        ChatResponse response;
        try {
            response = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(false);
            StreamingHandle h = handle.get();
            if (h != null) {
                h.cancel();
            }
            throw new ModelFailure(ModelFailure.Kind.TIMEOUT, "no complete answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure(ModelFailure.Kind.TIMEOUT, "interrupted while waiting for the model");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
        return reply(response);
    }

    private static ModelReply reply(ChatResponse response) throws ModelFailure {
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? "" : response.aiMessage().text();
        if (response.finishReason() == FinishReason.CONTENT_FILTER) {
            throw new ModelFailure(ModelFailure.Kind.REFUSED, "stopped by the provider's content filter");
        }
        if (text.isBlank()) {
            throw new ModelFailure(ModelFailure.Kind.EMPTY, "the answer was empty");
        }
        if (REFUSAL.matcher(text).matches()) {
            throw new ModelFailure(ModelFailure.Kind.REFUSED, "the model declined");
        }
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new ModelReply(text, in, out);
    }

    /** The provider's error as a failure; never its message, which may quote the response body. */
    private ModelFailure failure(Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof RateLimitException || cause instanceof HttpException h && h.statusCode() == 429) {
                return new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "HTTP 429", rateLimits.take());
            }
            if (cause instanceof HttpException h) {
                return new ModelFailure(ModelFailure.Kind.PROVIDER_ERROR, "HTTP " + h.statusCode());
            }
            if (cause instanceof HttpTimeoutException || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return new ModelFailure(ModelFailure.Kind.TIMEOUT, "the provider did not answer in time");
            }
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return new ModelFailure(ModelFailure.Kind.MALFORMED, "unreadable stream");
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        if (error instanceof dev.langchain4j.exception.LangChain4jException) {
            return new ModelFailure(ModelFailure.Kind.PROVIDER_ERROR, "provider error");
        }
        return new ModelFailure(ModelFailure.Kind.MALFORMED, error.getClass().getSimpleName());
    }
}
