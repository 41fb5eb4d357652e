package dev.dispatcher.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.composition.OptionObject;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.routing.Specialist;
import java.util.List;
import java.util.Optional;

/**
 * The misroute conversation in Slack: the "who should have had it?" question with a menu of the other specialists,
 * and the confirmation once someone chooses. The menu's option values carry the decision id and the specialist id,
 * so the choice needs no state in the bot. Thread-safe.
 */
final class MisrouteMessages {

    /** The {@code action_id} of the specialist menu; {@link CorrectionAction} listens to it. */
    static final String CHOICE_ACTION = "misroute_choice";

    private static final int TASK_IN_CONFIRMATION = 200;
    private static final int OPTION_TEXT_LIMIT = 75;

    private MisrouteMessages() {}

    /** The question posted in the thread after a misroute flag. */
    static SlackMessage question(Feedback.Flag flag, String flaggedBy) {
        String text = "❌ " + SlackText.mention(flaggedBy) + " flagged decision `" + flag.decision().id() + "` as misrouted"
                + " (it went to `" + flag.decision().specialist() + "`). Who should have had it?";
        List<OptionObject> options = flag.choices().stream()
                .map(s -> option(plainText(optionText(s)), choiceValue(flag.decision().id(), s.id())))
                .toList();
        return new SlackMessage(text, List.of(
                section(s -> s.text(markdownText(text))),
                actions(a -> a.blockId("misroute_" + flag.decision().id()).elements(List.of(staticSelect(m -> m
                        .actionId(CHOICE_ACTION)
                        .placeholder(plainText("Choose the right specialist"))
                        .options(options)))))));
    }

    /** The confirmation posted in the thread once a correction is recorded. */
    static SlackMessage confirmation(Feedback.Correction correction, String chosenBy) {
        return SlackMessage.text("✅ " + SlackText.mention(chosenBy) + " recorded: “"
                + SlackText.escape(SlackText.shorten(correction.decision().taskText(), TASK_IN_CONFIRMATION))
                + "” belongs to *" + SlackText.escape(correction.to().label()) + "* (`" + correction.to().id() + "`, "
                + correction.agreeing() + (correction.agreeing() == 1 ? " vote" : " votes")
                + "). " + (correction.awaitingReview() ? "It teaches the router once someone allowed to teach confirms it."
                : "Similar tasks will route there from now on."));
    }

    /** The private answer when a choice could not be recorded. */
    static String rejection(Feedback.Correction correction) {
        return "⚠️ " + SlackText.escape(correction.rejection());
    }

    static String choiceValue(String decisionId, String specialistId) {
        return decisionId + " " + specialistId;
    }

    /** Reads a menu value back into decision id and specialist id. */
    static Optional<Choice> parseChoice(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.strip().split(" ", 2);
        return parts.length == 2 ? Optional.of(new Choice(parts[0], parts[1])) : Optional.empty();
    }

    private static String optionText(Specialist specialist) {
        String label = specialist.label();
        return label.length() <= OPTION_TEXT_LIMIT ? label : label.substring(0, OPTION_TEXT_LIMIT - 1) + "…";
    }

    /** A specialist chosen for a decision. */
    record Choice(String decisionId, String specialistId) {}
}
