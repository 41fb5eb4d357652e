package dev.dispatcher.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Connects every shard to one configured gateway URL ({@code DISCORD_GATEWAY_URL}) instead of the one Discord
 * recommends, for tests against a local fake gateway or for a gateway proxy. Shard count and identify concurrency still
 * come from {@code GET /gateway/bot}.
 */
final class FixedGatewaySessionController extends ConcurrentSessionController {

    private final String gateway;

    FixedGatewaySessionController(String gateway) {
        this.gateway = gateway;
    }

    @Override
    public String getGateway() {
        return gateway;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway recommended = super.getShardedGateway(api);
        return new ShardedGateway(gateway, recommended.getShardTotal(), recommended.getConcurrency());
    }
}
