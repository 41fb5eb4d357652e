package dev.dispatcher.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Reads a bot's admin endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}) the way a probe or Prometheus does. */
public final class AdminRequests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    public AdminRequests(int port) {
        this.port = port;
    }

    /** The HTTP status of {@code path}, or -1 when nothing answers on the port. */
    public int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException refused) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The Prometheus text of {@code /metrics}. */
    public String metrics() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics");
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode());
        }
        return response.body();
    }

    /**
     * The sum of the samples of {@code name} whose labels include all of {@code labels}, e.g.
     * {@code sample("dispatcher_platform_calls_total", "method=\"chat.postMessage\"", "outcome=\"ok\"")}; 0 when none.
     */
    public double sample(String name, String... labels) throws IOException, InterruptedException {
        double sum = 0;
        for (String line : metrics().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String series = line.substring(0, line.lastIndexOf(' '));
                if (Arrays.stream(labels).allMatch(series::contains)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return sum;
    }

    /**
     * Waits up to {@code timeout} for {@link #sample} to read {@code expected} (a gauge that settles just after an
     * event, such as jobs still pending), and returns what it read last.
     */
    public double awaitSample(String name, double expected, Duration timeout, String... labels) {
        awaitTrue(() -> sampleOrNaN(name, labels) == expected, timeout);
        return sampleOrNaN(name, labels);
    }

    private double sampleOrNaN(String name, String... labels) {
        try {
            return sample(name, labels);
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Waits until {@code path} answers {@code status}; fails after {@code timeout}. */
    public void awaitStatus(String path, int status, Duration timeout) {
        if (!awaitTrue(() -> status(path) == status, timeout)) {
            throw new AssertionError(path + " did not answer " + status + " within " + timeout + "; it answers " + status(path));
        }
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passes; returns whether it held. */
    public static boolean awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return condition.getAsBoolean();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
