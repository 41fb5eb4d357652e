package dev.dispatcher.store;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The decision store on a SQLite file")
class DecisionStoreOnSqliteTest extends DecisionStoreContract {

    @RegisterExtension
    static final StoreKit.Backend SQLITE = StoreKit.sqlite();

    @Override
    StoreKit.Backend backend() {
        return SQLITE;
    }
}
