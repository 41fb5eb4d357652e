package dev.dispatcher.conversation;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Durable jobs on PostgreSQL")
class JobStoreOnPostgresTest extends JobStoreContract {

    @RegisterExtension
    static final StoreKit.Backend BACKEND = StoreKit.postgres();

    @Override
    StoreKit.Backend backend() {
        return BACKEND;
    }
}
