package dev.dispatcher.cli;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.feedback.RoutingStats;
import dev.dispatcher.feedback.StatsRenderer;
import dev.dispatcher.reply.TerminalText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./dispatcher stats}: routed, flags, corrections and accuracy for 7 days, 30 days and all time. */
@Command(name = "stats", header = "Routing statistics: routed, flags, corrections, accuracy.",
        description = {"Tasks routed per specialist, flags, corrections and accuracy, for 7 days, 30 days and all time.",
            "Chat traffic only (Slack, Discord, the shell) unless --all."})
final class StatsCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "print the statistics as JSON")
    boolean json;

    @Option(names = "--all", description = "count the command line's decisions (./dispatcher route) too, not only chat traffic")
    boolean all;

    private final CommandContext context;

    StatsCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (BotCore core = context.startCore()) {
            var windows = core.stats().standardWindows(all ? RoutingStats.Traffic.ALL : RoutingStats.Traffic.CHAT);
            if (json) {
                context.out().println(StatsRenderer.json(windows, core.cache().stats())
                        .set("answers", AnswerStatsJson.of(core.answerStats())).toPrettyString());
            } else {
                context.out().println(TerminalText.visible(StatsRenderer.text(windows, core.cache().stats())));
                String answers = core.answerStats().text();
                if (!answers.isEmpty()) {
                    context.out().println();
                    context.out().println(TerminalText.visible(answers));
                }
            }
        }
        return 0;
    }
}
