package dev.dispatcher.store;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Crash safety on PostgreSQL")
class CrashSafetyOnPostgresTest extends CrashSafetyContract {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    @Override
    StoreKit.Backend backend() {
        return POSTGRES;
    }
}
