package dev.dispatcher.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.dispatcher.conversation.EventKind;
import java.util.Optional;

/**
 * A specialist chosen in the misroute menu becomes a choice for the pipeline, which records it and confirms it in the
 * thread. No {@code response_url} is passed on: an answer through it would replace the menu.
 */
final class CorrectionAction implements BlockActionHandler {

    private final SlackIntake intake;

    CorrectionAction(SlackIntake intake) {
        this.intake = intake;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Optional<MisrouteMessages.Choice> choice = payload.getActions().stream()
                .filter(a -> MisrouteMessages.CHOICE_ACTION.equals(a.getActionId()))
                .map(a -> a.getSelectedOption() != null ? a.getSelectedOption().getValue() : a.getValue())
                .map(MisrouteMessages::parseChoice)
                .flatMap(Optional::stream)
                .findFirst();
        BlockActionPayload.Container container = payload.getContainer();
        String channel = container == null ? null
                : container.getChannelId() != null ? container.getChannelId()
                : payload.getChannel() != null ? payload.getChannel().getId() : null;
        if (choice.isEmpty() || channel == null || payload.getUser() == null) {
            return ctx.ack();
        }
        return intake.acknowledge(intake.event(EventKind.SPECIALIST_CHOICE, payload.getTriggerId(),
                SlackIntake.in(channel, container.getThreadTs(), container.getMessageTs()), payload.getUser().getId(),
                choice.get().specialistId(), null, choice.get().decisionId(), false), ctx);
    }
}
