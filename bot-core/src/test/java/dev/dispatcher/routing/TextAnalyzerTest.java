package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text analysis")
class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    @DisplayName("opens snake_case and dotted identifiers into words")
    void opensIdentifiers() {
        assertThat(analyzer.terms("flask_jwt_extended in config.py")).containsSubsequence("flask", "jwt", "extend", "config", "py");
    }

    @Test
    @DisplayName("keeps a camel-case word and adds its parts")
    void splitsCamelCase() {
        assertThat(analyzer.terms("ExpiredSignatureError")).contains("expiredsignatureerror", "expire", "signature", "error");
        assertThat(analyzer.terms("pods get OOMKilled")).contains("oomkill", "oom", "kill");
        assertThat(analyzer.terms("HTTPError")).contains("httperror", "http", "error");
    }

    @Test
    @DisplayName("folds plurals and verb forms to one stem")
    void stems() {
        assertThat(analyzer.terms("queries")).isEqualTo(analyzer.terms("query"));
        assertThat(analyzer.terms("deploying")).isEqualTo(analyzer.terms("deploy"));
    }

    @Test
    @DisplayName("drops the configured endpoint prefix of a URL and keeps the resource it names")
    void dropsEndpointPrefix() {
        TextAnalyzer routing = new TextAnalyzer(java.util.regex.Pattern.compile("/api/v[0-9]+(?=/)"));
        assertThat(routing.terms("GET /api/v1/auth/refresh")).containsExactly("get", "auth", "refresh");
        assertThat(routing.terms("the api is v1")).contains("api", "v1");
    }

    @Test
    @DisplayName("drops stop words only from content terms")
    void stopWords() {
        assertThat(analyzer.terms("how does the system work")).contains("how", "the");
        assertThat(analyzer.contentTerms("how does the system work")).doesNotContain("the").contains("system");
    }

    @Test
    @DisplayName("gives a word met again the same instance, and keeps a bounded number of them whatever tasks bring")
    void sharesTermInstancesWithinABound() {
        TextAnalyzer analyzer = new TextAnalyzer();
        assertThat(analyzer.terms("database migration").get(0)).isSameAs(analyzer.terms("the database").get(1));

        for (int i = 0; i < SharedStrings.LIMIT + 5_000; i++) {
            analyzer.terms("word" + i);
        }

        assertThat(analyzer.sharedTermCount()).isEqualTo(SharedStrings.LIMIT);
        assertThat(analyzer.terms("a brand new word" + Integer.MAX_VALUE)).endsWith("word" + Integer.MAX_VALUE);
    }

    @Test
    @DisplayName("keeps no new shared instances once the routing vocabulary is complete")
    void keepsNoWordsOfTasksOnceTheVocabularyIsComplete() {
        TextAnalyzer analyzer = new TextAnalyzer();
        String database = analyzer.terms("database").get(0);
        analyzer.vocabularyComplete();

        analyzer.terms("a task about sqlalchemy sessions");

        assertThat(analyzer.sharedTermCount()).isEqualTo(1);
        assertThat(analyzer.terms("the database").get(1)).isSameAs(database);
    }

    @Test
    @DisplayName("stems a word met again as it did the first time, also once it remembers as many stems as it may")
    void stemsAWordMetAgainAsTheFirstTime() {
        TextAnalyzer analyzer = new TextAnalyzer();
        String inflected = "sessions deploying queries migrations tokens users entities logged expired OOMKilled";
        List<String> first = analyzer.terms(inflected);
        StringBuilder manyWords = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            manyWords.append(lettersFor(i)).append(i % 2 == 0 ? "ings " : "ed ");
        }

        List<String> many = analyzer.terms(manyWords.toString());

        assertThat(analyzer.terms(manyWords.toString())).isEqualTo(many);
        assertThat(analyzer.terms(inflected)).isEqualTo(first).isEqualTo(new TextAnalyzer().terms(inflected));
        for (String word : inflected.split(" ")) {
            assertThat(analyzer.terms(word)).as(word).isEqualTo(new TextAnalyzer().terms(word));
        }
    }

    /** A word of small letters for a number (0 is "a", 26 is "ba"), so that numbers give distinct words. */
    private static String lettersFor(int number) {
        StringBuilder word = new StringBuilder();
        do {
            word.insert(0, (char) ('a' + number % 26));
            number /= 26;
        } while (number > 0);
        return word.toString();
    }
}
