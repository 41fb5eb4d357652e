package dev.dispatcher.answer;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Answers and votes on SQLite")
class AnswerLogOnSqliteTest extends AnswerLogContract {

    @RegisterExtension
    static final StoreKit.Backend SQLITE = StoreKit.sqlite();

    @Override
    StoreKit.Backend backend() {
        return SQLITE;
    }
}
