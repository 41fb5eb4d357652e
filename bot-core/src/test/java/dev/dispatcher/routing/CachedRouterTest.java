package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The decision cache")
class CachedRouterTest {

    private final AtomicInteger routed = new AtomicInteger();
    private final Router counting = task -> {
        routed.incrementAndGet();
        return new RoutingDecision("x-architect", 1, List.of(), List.of(), null, null, 0, false, 0, List.of());
    };
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker fakeTicker = nanos::get;

    /** Memory whose version the test bumps, standing for a new correction. */
    private final AtomicLong correctionsVersion = new AtomicLong();
    private final CorrectionMemory memory = new CorrectionMemory() {
        @Override
        public Map<String, Vote> votes(List<String> terms) {
            return Map.of();
        }

        @Override
        public long version() {
            return correctionsVersion.get();
        }
    };

    @Test
    @DisplayName("answers a repeated task from memory, ignoring case and spacing, and counts hits and misses")
    void remembers() {
        CachedRouter cache = new CachedRouter(counting, memory, 100, Duration.ofMinutes(10), 2000, fakeTicker);
        cache.route("Fix JWT expiry");
        cache.route("  fix   jwt EXPIRY ");
        assertThat(routed).hasValue(1);
        assertThat(cache.stats().hitCount()).isEqualTo(1);
        assertThat(cache.stats().missCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("folds whitespace in its keys exactly as the regular expression \\s+ would")
    void foldsWhitespaceAsTheRegex() {
        String alphabet = "ab \t\n\u000B\f\r\u00A0\u2003\u001Cé";
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(CachedRouter.foldWhitespace(text.toString())).as("%s", text)
                    .isEqualTo(text.toString().replaceAll("\\s+", " "));
        }
    }

    @Test
    @DisplayName("forgets a decision once it is older than the configured age")
    void expires() {
        CachedRouter cache = new CachedRouter(counting, memory, 100, Duration.ofMinutes(10), 2000, fakeTicker);
        cache.route("Fix JWT expiry");
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        cache.route("Fix JWT expiry");
        assertThat(routed).hasValue(2);
    }

    @Test
    @DisplayName("keeps no more than the configured number of decisions")
    void bounded() {
        CachedRouter cache = new CachedRouter(counting, memory, 10, Duration.ofMinutes(10), 2000, fakeTicker);
        for (int i = 0; i < 100; i++) {
            cache.route("task " + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    @DisplayName("never answers from an entry made before the latest correction")
    void staleAfterCorrection() {
        CachedRouter cache = new CachedRouter(counting, memory, 100, Duration.ofMinutes(10), 2000, fakeTicker);
        cache.route("Fix JWT expiry");
        correctionsVersion.incrementAndGet();
        cache.route("Fix JWT expiry");
        assertThat(routed).hasValue(2);
    }

    @Test
    @DisplayName("keys a long task on the part routing reads, so tasks that differ only beyond it share one decision")
    void keysOnRoutedPrefix() {
        CachedRouter cache = new CachedRouter(counting, memory, 100, Duration.ofMinutes(10), 20, fakeTicker);
        cache.route("Fix JWT expiry in the login flow, details: " + "a".repeat(100_000));
        cache.route("Fix JWT expiry in the login flow, details: " + "b".repeat(100_000));
        assertThat(routed).hasValue(1);
    }

    @Test
    @DisplayName("tells a task that ends at the routing limit from a longer one, whose decision says it was cut")
    void limitIsPartOfTheKey() {
        CachedRouter cache = new CachedRouter(counting, memory, 100, Duration.ofMinutes(10), 14, fakeTicker);
        cache.route("Fix JWT expiry");
        cache.route("Fix JWT expiry and more");
        assertThat(routed).hasValue(2);
    }
}
