package dev.dispatcher.conversation;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Durable jobs on SQLite")
class JobStoreOnSqliteTest extends JobStoreContract {

    @RegisterExtension
    static final StoreKit.Backend BACKEND = StoreKit.sqlite();

    @Override
    StoreKit.Backend backend() {
        return BACKEND;
    }
}
