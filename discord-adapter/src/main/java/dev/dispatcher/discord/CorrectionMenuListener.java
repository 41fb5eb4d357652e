package dev.dispatcher.discord;

import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.ops.EventLog;
import java.time.Duration;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the specialist picked in a correction menu and confirms it in the channel; a choice the core rejects is
 * explained to the chooser alone.
 */
final class CorrectionMenuListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionMenuListener.class);

    private final Feedback feedback;
    private final EventClaims claims;
    private final DiscordCalls calls;

    CorrectionMenuListener(Feedback feedback, EventClaims claims, DiscordCalls calls) {
        this.feedback = feedback;
        this.claims = claims;
        this.calls = calls;
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        Optional<String> decision = CorrectionMenu.decisionId(event.getComponentId());
        if (decision.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (!claims.firstTime(event.getId())) {
                return;
            }
            String chosen = event.getValues().isEmpty() ? null : event.getValues().get(0);
            String user = event.getUser().getId();
            Feedback.Correction correction = feedback.correct(decision.get(), chosen, user);
            if (correction.recorded()) {
                LOG.info("discord: decision {} corrected to {} by {}", decision.get(), correction.to().id(), user);
                calls.queue("reply", event.reply(CorrectionMenu.confirmation(correction, user)).setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        hook -> { }, DiscordFailures.logging("confirm the correction", decision.get()));
            } else {
                calls.queue("reply", event.reply("⚠️ " + UserText.inline(correction.rejection())).setEphemeral(true)
                                .setAllowedMentions(DiscordReplies.NO_MENTIONS),
                        hook -> { }, DiscordFailures.logging("explain the rejected correction", decision.get()));
            }
            EventLog.handled(DiscordCalls.PLATFORM, correction.recorded() ? "correction" : "correction_rejected",
                    event.getChannelId(), event.getId(), decision.get(), correction.recorded() ? correction.to().id() : null,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            calls.listenerFailed(e);
            LOG.error("discord: correction menu interaction {} for decision {} failed: {}", event.getId(), decision.get(), e.toString(), e);
        }
    }
}
