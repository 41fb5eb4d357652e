package dev.dispatcher.discord;

import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Finds what a stored reference names: a channel or thread by id, an interaction's hook by its token. Work resumed
 * after a crash, or on another shard process, holds only ids, never JDA objects. Thread-safe.
 */
interface DiscordChannels {

    /**
     * The text channel or thread with this id.
     *
     * @throws DiscordCalls.Refused when this process does not see it
     */
    MessageChannel channel(String id);

    /** The webhook of an interaction, usable for 15 minutes after it arrived, from any process. */
    InteractionHook hook(String token);

    /** Looks ids up in the shards of this process, once they are built. */
    static DiscordChannels of(Supplier<ShardManager> shards) {
        return new DiscordChannels() {
            @Override
            public MessageChannel channel(String id) {
                MessageChannel channel = shards.get().getChannelById(MessageChannel.class, id);
                if (channel == null) {
                    throw new DiscordCalls.Refused(new IllegalStateException("channel " + id + " is not visible to this process"));
                }
                return channel;
            }

            @Override
            public InteractionHook hook(String token) {
                return InteractionHook.from(shards.get().getShards().get(0), token);
            }
        };
    }
}
