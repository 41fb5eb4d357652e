package dev.dispatcher.cli;

import dev.dispatcher.answer.Answer;
import dev.dispatcher.answer.TerminalAnswer;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.LocalMessageIds;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.dispatch.TaskText;
import dev.dispatcher.reply.DecisionJson;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.reply.TextReplyRenderer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./dispatcher route "TASK"}: one answer, as the shell shows it or as JSON. */
@Command(name = "route", header = "Route one task and print the answer.",
        description = "Route one task and print the answer as the shell shows it, or the decision as JSON.")
final class RouteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "print the decision as JSON instead")
    boolean json;

    @Option(names = "--answer", description = "then print the specialist's answer as it streams (the knowledge base's without a model)")
    boolean answer;

    @Parameters(paramLabel = "TASK", arity = "0..*",
            description = "the task, best in quotes; put -- before a task that starts with '-'")
    List<String> words = List.of();

    private final CommandContext context;

    RouteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String task = String.join(" ", words).strip();
        if (TaskText.isBlank(task)) {
            throw new ParameterException(spec.commandLine(), "route needs a task, e.g. ./dispatcher route \"Fix JWT token expiration\"");
        }
        try (BotCore core = context.startCore()) {
            ConversationRef origin = new ConversationRef("cli", "local", null, new LocalMessageIds().next());
            Reply reply = core.dispatcher().dispatch(new Task(task, context.user(), origin));
            if (json) {
                context.out().println(DecisionJson.of(reply.decision()).put("decisionId", reply.decisionId()).toPrettyString());
            } else {
                context.out().println(new TextReplyRenderer().render(reply, ""));
            }
            if (answer && !json) {
                TerminalAnswer terminal = new TerminalAnswer(context.out());
                Answer given = core.answerer().answer(reply, terminal);
                terminal.finish(given);
                if (reply.decisionId() != null) {
                    core.answerLog().record(new ConversationRef("cli", "local", null, reply.decisionId() + "-answer"),
                            reply.decisionId(), given);
                }
            }
            if (reply.decisionId() == null) {
                throw CommandFailure.failed("the answer above was not stored in " + core.database().description()
                        + " (see the log line above): it will not count in stats or take corrections", null);
            }
        }
        return 0;
    }
}
