package dev.dispatcher.feedback;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Routing statistics on PostgreSQL")
class RoutingStatsOnPostgresTest extends RoutingStatsContract {

    @RegisterExtension
    static final StoreKit.Backend POSTGRES = StoreKit.postgres();

    @Override
    StoreKit.Backend backend() {
        return POSTGRES;
    }
}
