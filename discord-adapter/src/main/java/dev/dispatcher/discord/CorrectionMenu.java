package dev.dispatcher.discord;

import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.routing.Specialist;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.components.ActionRow;
import net.dv8tion.jda.api.interactions.components.selections.SelectOption;
import net.dv8tion.jda.api.interactions.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The "who should have had it?" select menu posted after a misroute flag, and the answer to a choice.
 *
 * <p>The menu's custom id carries the decision id ({@code misroute:<decision id>}), so the choice needs no state in the
 * bot: any replica can record it.
 */
final class CorrectionMenu {

    static final String ID_PREFIX = "misroute:";

    private CorrectionMenu() {}

    /** The menu offering every other specialist, addressed to the user who flagged (without pinging them). */
    static MessageCreateData ask(Feedback.Flag flag, String userId) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(ID_PREFIX + flag.decision().id())
                .setPlaceholder("Who should have had this task?")
                .setRequiredRange(1, 1);
        for (Specialist s : flag.choices().stream().limit(StringSelectMenu.OPTIONS_MAX_AMOUNT).toList()) {
            menu.addOptions(SelectOption.of(UserText.oneLine(s.label(), SelectOption.LABEL_MAX_LENGTH), s.id())
                    .withDescription(UserText.oneLine(s.description(), SelectOption.DESCRIPTION_MAX_LENGTH)));
        }
        String content = "<@" + userId + "> flagged decision `" + flag.decision().id() + "` (routed to **"
                + flag.decision().specialist() + "**) as a misroute. Who should have had it?";
        return new MessageCreateBuilder()
                .setContent(content)
                .setComponents(ActionRow.of(menu.build()))
                .setAllowedMentions(DiscordReplies.NO_MENTIONS)
                .build();
    }

    /** The decision id a menu's custom id carries, or empty for a component that is not ours. */
    static Optional<String> decisionId(String componentId) {
        if (componentId == null || !componentId.startsWith(ID_PREFIX) || componentId.length() == ID_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(componentId.substring(ID_PREFIX.length()));
    }

    /** What the channel is told once a correction is recorded. */
    static String confirmation(Feedback.Correction correction, String userId) {
        int agreeing = correction.agreeing();
        return "✅ Thanks <@" + userId + ">: decision `" + correction.decision().id() + "` should have gone to **"
                + correction.to().label() + "** (" + agreeing + (agreeing == 1 ? " person says so" : " people say so")
                + "). " + (correction.awaitingReview() ? "It teaches the router once someone allowed to teach confirms it."
                : "Similar tasks will route better from now on.");
    }
}
