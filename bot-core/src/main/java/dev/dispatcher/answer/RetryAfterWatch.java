package dev.dispatcher.answer;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Remembers the {@code Retry-After} of the provider's last 429. LangChain4j's errors carry the status and body but not
 * the headers, so the JDK HTTP client LangChain4j's {@code JdkHttpClient} runs on is wrapped to read it on the way
 * past; everything else goes through untouched. Thread-safe.
 */
final class RetryAfterWatch {

    private final AtomicReference<Duration> last = new AtomicReference<>();

    /** The {@code Retry-After} of the last 429 not yet taken, or {@code null}; taking it clears it. */
    Duration take() {
        return last.getAndSet(null);
    }

    /** A JDK client builder whose clients report 429s here; for {@code JdkHttpClientBuilder.httpClientBuilder}. */
    HttpClient.Builder builder() {
        return new Builder(HttpClient.newBuilder());
    }

    private void observe(HttpResponse<?> response) {
        if (response.statusCode() != 429) {
            return;
        }
        Optional<String> header = response.headers().firstValue("retry-after");
        last.set(header.map(RetryAfterWatch::parse).orElse(null));
    }

    /** Seconds, or an HTTP date; an unreadable value counts as absent. */
    static Duration parse(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private final class Builder implements HttpClient.Builder {

        private final HttpClient.Builder real;

        Builder(HttpClient.Builder real) {
            this.real = real;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler handler) {
            real.cookieHandler(handler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            real.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext context) {
            real.sslContext(context);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters parameters) {
            real.sslParameters(parameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            real.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            real.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            real.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            real.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector selector) {
            real.proxy(selector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            real.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return new Watched(real.build());
        }
    }

    private final class Watched extends HttpClient {

        private final HttpClient real;

        Watched(HttpClient real) {
            this.real = real;
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return real.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return real.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return real.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return real.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return real.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return real.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return real.authenticator();
        }

        @Override
        public Version version() {
            return real.version();
        }

        @Override
        public Optional<Executor> executor() {
            return real.executor();
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            HttpResponse<T> response = real.send(request, handler);
            observe(response);
            return response;
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            return real.sendAsync(request, handler).thenApply(this::observed);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> pushes) {
            return real.sendAsync(request, handler, pushes).thenApply(this::observed);
        }

        private <T> HttpResponse<T> observed(HttpResponse<T> response) {
            observe(response);
            return response;
        }
    }
}
