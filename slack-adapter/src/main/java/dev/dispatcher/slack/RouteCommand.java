package dev.dispatcher.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.dispatcher.conversation.EventKind;
import dev.dispatcher.conversation.Pipeline;
import dev.dispatcher.dispatch.RequestKind;
import dev.dispatcher.ops.EventLog;
import java.time.Duration;

/**
 * {@code /route <task>}: the pipeline posts a visible announcement and puts the analysis in its thread (slash commands
 * cannot be used in threads). {@code /route help} is answered in the acknowledgement itself, privately; a busy bot says
 * so privately at once, quoting the task so nothing is lost.
 */
final class RouteCommand implements SlashCommandHandler {

    static final String COMMAND = "/route";

    private final SlackIntake intake;
    private final HelpTexts help;

    RouteCommand(SlackIntake intake, HelpTexts help) {
        this.intake = intake;
        this.help = help;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload command = request.getPayload();
        String text = SlackText.unescape(command.getText()).strip();
        if (RequestKind.of(text) == RequestKind.HELP) {
            EventLog.handled(SlackOutput.PLATFORM, EventKind.ROUTE.logName(), command.getChannelId(), command.getTriggerId(),
                    null, null, Duration.ZERO);
            return ctx.ack(privately(help.usage()));
        }
        Pipeline.Intake taken = intake.accept(intake.event(EventKind.ROUTE, command.getTriggerId(),
                SlackIntake.in(command.getChannelId(), null, null), command.getUserId(), text, command.getResponseUrl(), null, false));
        return taken == Pipeline.Intake.BUSY ? ctx.ack(privately(HelpTexts.busy(text))) : ctx.ack();
    }

    private static SlashCommandResponse privately(String text) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(text).build();
    }
}
