package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.Repository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A specialist's suggested keywords")
class SpecialistTest {

    @Test
    @DisplayName("are its heaviest plain words in configuration order, without identifiers or another form of a chosen word")
    void suggestsHeaviestPlainWordsInConfigurationOrder() {
        Map<String, Double> keywords = new LinkedHashMap<>();
        keywords.put("service", 2.0);
        keywords.put("email", 3.0);
        keywords.put("emails", 3.0);
        keywords.put("flask_mail", 3.0);
        keywords.put("2fa", 3.0);
        keywords.put("s3", 3.0);
        keywords.put("ai", 3.0);
        keywords.put("smtp", 3.0);
        keywords.put("webhook", 3.0);
        Specialist specialist = new Specialist("services", "Services", "", "", 1, "doc.md", "t.txt", keywords,
                Map.of("api key", 2.5), List.of());

        assertThat(specialist.strongestTerms(2)).containsExactly("email", "smtp");
        assertThat(specialist.strongestTerms(4)).containsExactly("email", "smtp", "webhook", "api key");
    }

    @Test
    @DisplayName("name each shipped specialist by words a person would use")
    void shippedSuggestionsAreEverydayWords() {
        SpecialistCatalog catalog = SpecialistCatalog.load(Repository.knowledgebase().resolve("routing.yaml"));

        assertThat(catalog.find("auth-system-architect").orElseThrow().strongestTerms(2)).containsExactly("jwt", "login");
        assertThat(catalog.find("database-architect").orElseThrow().strongestTerms(2)).containsExactly("database", "sqlalchemy");
        assertThat(catalog.specialists()).allSatisfy(s ->
                assertThat(s.strongestTerms(2)).hasSize(2).allMatch(term -> term.chars().allMatch(c -> Character.isLetter(c) || c == ' ')));
    }
}
