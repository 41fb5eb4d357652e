package dev.dispatcher.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.dispatcher.feedback.Feedback;
import java.util.Optional;

/**
 * A specialist chosen in the misroute menu: the correction is recorded and confirmed in the thread; a choice the core
 * refuses is explained privately to whoever chose.
 */
final class CorrectionAction implements BlockActionHandler {

    private final Feedback feedback;
    private final SlackPoster poster;
    private final BackgroundWork work;

    CorrectionAction(Feedback feedback, SlackPoster poster, BackgroundWork work) {
        this.feedback = feedback;
        this.poster = poster;
        this.work = work;
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
        String user = payload.getUser().getId();
        String thread = container.getThreadTs() != null ? container.getThreadTs() : container.getMessageTs();
        HandledEvent event = HandledEvent.arrived("correction", channel, payload.getTriggerId());
        String decisionId = choice.get().decisionId();
        boolean accepted = work.submit(event.describe(), () -> {
            Feedback.Correction correction = feedback.correct(decisionId, choice.get().specialistId(), user);
            try {
                if (correction.recorded()) {
                    poster.post(channel, thread, MisrouteMessages.confirmation(correction, user), decisionId);
                } else {
                    poster.postEphemeral(channel, user, thread, MisrouteMessages.rejection(correction), decisionId);
                }
            } finally {
                event.handled(decisionId, correction.recorded() ? correction.to().id() : null);
            }
        });
        return accepted ? ctx.ack() : BusyGate.retryLater();
    }
}
