package dev.dispatcher.store;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Crash safety on a SQLite file")
class CrashSafetyOnSqliteTest extends CrashSafetyContract {

    @RegisterExtension
    static final StoreKit.Backend SQLITE = StoreKit.sqlite();

    @Override
    StoreKit.Backend backend() {
        return SQLITE;
    }
}
