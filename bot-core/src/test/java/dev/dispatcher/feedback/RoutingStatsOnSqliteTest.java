package dev.dispatcher.feedback;

import dev.dispatcher.testkit.StoreKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Routing statistics on a SQLite file")
class RoutingStatsOnSqliteTest extends RoutingStatsContract {

    @RegisterExtension
    static final StoreKit.Backend SQLITE = StoreKit.sqlite();

    @Override
    StoreKit.Backend backend() {
        return SQLITE;
    }
}
