package dev.dispatcher.answer;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Answers and votes on PostgreSQL")
class AnswerLogOnPostgresTest extends AnswerLogContract {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    @Override
    StoreKit.Backend backend() {
        return POSTGRES;
    }
}
