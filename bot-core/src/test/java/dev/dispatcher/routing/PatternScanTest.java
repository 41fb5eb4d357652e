package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trying a pattern only where a match could begin answers exactly what {@code find()} answers. */
@DisplayName("A pattern tried only where a match can begin")
class PatternScanTest {

    /** Letters, digits, the punctuation of tasks and code, line breaks, and characters beyond ASCII. */
    private static final String ALPHABET = "aeEGoPrsTxXz_059 /.-:#()\n\r\tÉé’\u0301🚀";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "\\b[A-Z][A-Za-z]*(Error|Exception|NotFound|Warning)\\b", "\\b5\\d\\d\\b", "\\b(GET|POST|PUT|PATCH|DELETE)\\s+/",
        "/api/v[0-9]+/", "\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b",
        "^Ex", "(?m)^x", "\\Bs\\b", "x$", "(?i)error", "(?<=a)e", "(?<!E)e", "a*", "\\b", "(?=\\d)", "[^a-z]+", "\\s+/",
        "é", "(?u)\\w{3}", "\\Ge", "(?x) E  r", "\\R", "(?i)É"})
    @DisplayName("answers as find() on random texts")
    void answersAsFind(String regex) {
        Pattern pattern = Pattern.compile(regex);
        PatternScan scan = new PatternScan(pattern);
        Random random = new Random(regex.hashCode());
        for (int n = 0; n < 20_000; n++) {
            String text = randomText(random);
            boolean expected = pattern.matcher(text).find();
            assertThat(scan.foundIn(text)).as("%s in %s", regex, text).isEqualTo(expected);
            assertThat(scan.foundIn(text, PatternScan.Characters.of(text))).as("%s in %s, characters read first", regex, text)
                    .isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("finds a python exception named in a task")
    void findsAnException() {
        PatternScan scan = new PatternScan(Pattern.compile("\\b[A-Z][A-Za-z]*(Error|Exception|NotFound|Warning)\\b"));

        assertThat(scan.foundIn("login raises IntegrityError on the second try")).isTrue();
        assertThat(scan.foundIn("Login raises an integrity error on the second try")).isFalse();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
