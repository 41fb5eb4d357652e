package dev.dispatcher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The core's settings")
class CoreSettingsTest {

    private static CoreSettings read(String name, String value) {
        return CoreSettings.fromEnvironment(Map.of("DISPATCHER_HOME", "/tmp", name, value));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "DISPATCHER_LOG_FORMAT, xml, 'must be one of text, json, was ''xml'''",
        "DISPATCHER_LOG_FORMAT, JSON, 'must be one of text, json, was ''JSON'''",
        "DISPATCHER_LOG_LEVEL, LOUD, 'must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, was ''LOUD'''",
        "DISPATCHER_EVENT_LOG_LEVEL, chatty, 'must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, was ''chatty'''",
        "DISPATCHER_KB_URL, javascript:alert(1), 'must be an http(s) URL'",
        "DISPATCHER_KB_URL, file:///etc/passwd, 'must be an http(s) URL'",
        "DISPATCHER_KB_URL, https://, 'must be an http(s) URL'",
        "DISPATCHER_KB_URL, ftp://example.com/kb, 'must be an http(s) URL'"})
    @DisplayName("an unknown value is refused with the variable, the allowed values and what it was")
    void refusesUnknownValues(String name, String value, String message) {
        assertThatThrownBy(() -> read(name, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " ")
                .hasMessageContaining(message);
    }

    @Test
    @DisplayName("the values logback understands are taken: json, text, and levels in any case")
    void acceptsKnownValues() {
        assertThat(read("DISPATCHER_LOG_FORMAT", "json")).isNotNull();
        assertThat(read("DISPATCHER_LOG_FORMAT", "text")).isNotNull();
        assertThat(read("DISPATCHER_LOG_LEVEL", "debug")).isNotNull();
        assertThat(read("DISPATCHER_EVENT_LOG_LEVEL", "WARN")).isNotNull();
        assertThat(read("DISPATCHER_KB_URL", "https://github.com/you/repo/blob/main").knowledgeUrl())
                .isEqualTo("https://github.com/you/repo/blob/main");
    }
}
