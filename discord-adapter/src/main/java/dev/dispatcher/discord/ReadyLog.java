package dev.dispatcher.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says in the log when a shard is ready, as whom, in how many servers, and where to invite the bot. */
final class ReadyLog extends ListenerAdapter {

    /** INFO even when the root logger is at WARN: the invite URL is what a new operator looks for. */
    private static final Logger STARTUP = LoggerFactory.getLogger("dispatcher.startup");

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        STARTUP.info("discord: shard {} ready as {} ({}) in {} servers; invite it with {}",
                jda.getShardInfo().getShardString(), jda.getSelfUser().getName(), jda.getSelfUser().getId(),
                event.getGuildTotalCount(), BotPermissions.inviteUrl(jda.getSelfUser().getApplicationId()));
    }
}
