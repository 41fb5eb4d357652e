package dev.dispatcher.discord;

import dev.dispatcher.conversation.EventKind;
import dev.dispatcher.dispatch.RequestKind;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * {@code /route task:<text>}: acknowledged with a public "thinking…" (ephemeral messages cannot be reacted to) that the
 * pipeline replaces with the analysis, the prompt following in a thread on it; {@code task:help} and
 * {@code task:stats} are acknowledged privately and answered privately.
 */
final class RouteCommandListener extends ListenerAdapter {

    private final DiscordIntake intake;
    private final DiscordCalls calls;

    RouteCommandListener(DiscordIntake intake, DiscordCalls calls) {
        this.intake = intake;
        this.calls = calls;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!RouteCommand.NAME.equals(event.getName())) {
            return;
        }
        String text = event.getOption(RouteCommand.TASK, "", OptionMapping::getAsString);
        boolean privately = RequestKind.of(text) != RequestKind.TASK;
        intake.take("/route interaction " + event.getId(),
                () -> intake.event(EventKind.ROUTE, event.getId(), DiscordIntake.where(event.getChannel(), null),
                        event.getUser().getId(), event.getMember(), text, event.getToken(), null, false),
                () -> calls.queue("deferReply", event.deferReply(privately), hook -> { },
                        DiscordFailures.logging("acknowledge /route " + event.getId(), null)),
                () -> calls.queue("reply", event.reply(DiscordIntake.BUSY).setEphemeral(true).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        hook -> { }, DiscordFailures.logging("say the bot is busy", null)));
    }
}
