package dev.dispatcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.feedback.StatsRenderer;
import dev.dispatcher.reply.DecisionJson;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.reply.TextReplyRenderer;
import dev.dispatcher.routing.ConfigException;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.shell.ShellAdapter;
import dev.dispatcher.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dispatcher} without a chat platform: {@code shell}, {@code route}, {@code eval}, {@code stats},
 * {@code forget}, {@code suggest}, {@code export}. Exit status 0 on success, 1 on a failure, 2 on a usage error.
 */
public final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USAGE = """
            usage: ./dispatcher COMMAND
              shell                      chat with the bot in this terminal (the embedded default)
              route [--json] "TASK"      route one task and print the answer
              eval FILE.jsonl [--json]   accuracy of our router and of the seed baseline on labelled cases
                [--learn [--shuffle SEED]] replayed as a team lives it: each miss is corrected before the next
              stats [--json]             routing statistics: routed, flags, corrections, accuracy
              forget DECISION_ID         remove the corrections and flags of one decision
              suggest                    keywords that corrected tasks use and the configuration lacks
              export FILE.jsonl          write corrected and unflagged decisions as evaluation cases
              slack | discord            run the chat bots (see README)""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = new Cli(System.getenv(), out, err).run(args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.console() != null);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status. */
    public int run(String[] args, BufferedReader stdin, boolean interactive) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        boolean json = rest.remove("--json");
        try {
            return switch (args[0]) {
                case "shell" -> shell(stdin, interactive);
                case "route" -> route(rest, json);
                case "eval" -> eval(rest, json);
                case "stats" -> stats(json);
                case "forget" -> forget(rest);
                case "suggest" -> suggest();
                case "export" -> export(rest);
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (ConfigException | StoreException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + (e instanceof NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage()));
            return 1;
        }
    }

    private int shell(BufferedReader stdin, boolean interactive) throws IOException {
        try (BotCore core = BotCore.start(settings())) {
            new ShellAdapter(core, stdin, out, interactive, System.getProperty("user.name", "local")).run();
        }
        return 0;
    }

    private int route(List<String> words, boolean json) {
        String task = String.join(" ", words).strip();
        if (task.isEmpty()) {
            return usage("route needs a task, e.g. ./dispatcher route \"Fix JWT token expiration\"");
        }
        try (BotCore core = BotCore.start(settings())) {
            ConversationRef origin = new ConversationRef("cli", "local", null, "1");
            Reply reply = core.dispatcher().dispatch(new Task(task, System.getProperty("user.name", "local"), origin));
            if (json) {
                out.println(DecisionJson.of(reply.decision()).put("decisionId", reply.decisionId()).toPrettyString());
            } else {
                out.println(new TextReplyRenderer().render(reply, ""));
            }
        }
        return 0;
    }

    private int eval(List<String> args, boolean json) throws IOException {
        List<String> rest = new ArrayList<>(args);
        boolean learn = rest.remove("--learn");
        Long shuffle = null;
        int at = rest.indexOf("--shuffle");
        if (at >= 0) {
            if (at + 1 >= rest.size() || !rest.get(at + 1).matches("-?[0-9]+")) {
                return usage("--shuffle needs a whole number, the seed of the order");
            }
            shuffle = Long.parseLong(rest.remove(at + 1));
            rest.remove(at);
        }
        if (rest.size() != 1) {
            return usage("eval needs one FILE.jsonl");
        }
        return new EvalCommand(settings(), out).run(Path.of(rest.get(0)), json, learn, shuffle);
    }

    private int stats(boolean json) {
        try (BotCore core = BotCore.start(settings())) {
            var windows = core.stats().standardWindows();
            out.println(json ? StatsRenderer.json(windows, core.cache().stats()).toPrettyString()
                    : StatsRenderer.text(windows, core.cache().stats()));
        }
        return 0;
    }

    private int forget(List<String> ids) {
        if (ids.size() != 1) {
            return usage("forget needs one DECISION_ID");
        }
        try (BotCore core = BotCore.start(settings())) {
            if (!core.feedback().forget(ids.get(0))) {
                err.println("error: there is no decision " + ids.get(0));
                return 1;
            }
            out.println("Forgot the corrections and flags of decision " + ids.get(0) + ".");
        }
        return 0;
    }

    private int suggest() {
        try (BotCore core = BotCore.start(settings())) {
            out.println(new KeywordSuggestions(core.catalog(), TextAnalyzer.forRouting(core.catalog().settings())).render(core.feedbackRows()));
        }
        return 0;
    }

    private int export(List<String> files) throws IOException {
        if (files.size() != 1) {
            return usage("export needs one FILE.jsonl");
        }
        try (BotCore core = BotCore.start(settings())) {
            int written = new EvalExport(core.database()).write(Path.of(files.get(0)));
            out.println("Wrote " + written + " cases to " + files.get(0) + ".");
        }
        return 0;
    }

    private CoreSettings settings() {
        return CoreSettings.fromEnvironment(env);
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
