package dev.dispatcher.store;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The decision store on PostgreSQL")
class DecisionStoreOnPostgresTest extends DecisionStoreContract {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    @Override
    StoreKit.Backend backend() {
        return POSTGRES;
    }
}
