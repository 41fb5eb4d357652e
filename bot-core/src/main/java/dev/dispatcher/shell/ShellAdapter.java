package dev.dispatcher.shell;

import dev.dispatcher.answer.Answer;
import dev.dispatcher.answer.TerminalAnswer;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.LocalMessageIds;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.dispatch.TaskText;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.feedback.StatsRenderer;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.reply.TerminalText;
import dev.dispatcher.reply.TextReplyRenderer;
import dev.dispatcher.routing.Specialist;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The local front end: a chat with the bot in the terminal, the whole loop without a network. Type a task and the
 * reply appears as a thread would show it; type the misroute emoji ({@code :x:}) to flag the last reply, then a
 * number to say who should have had it; {@code stats} prints the statistics. Works interactively and with piped input.
 */
public final class ShellAdapter {

    private static final String CHANNEL = "local";

    private final BotCore core;
    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;
    private final String user;
    private final String misrouteCode;
    private final TextReplyRenderer renderer = new TextReplyRenderer();
    private final LocalMessageIds messageIds = new LocalMessageIds();
    private ConversationRef lastReply;
    private boolean answers = true;
    private Feedback.Flag pendingFlag;

    /**
     * @param interactive whether a person is typing (then a prompt is shown before each line)
     * @param user        the name recorded as requester and as the one who flags
     */
    public ShellAdapter(BotCore core, BufferedReader in, PrintStream out, boolean interactive, String user) {
        this.core = core;
        this.in = in;
        this.out = out;
        this.interactive = interactive;
        this.user = user;
        this.misrouteCode = ":" + core.settings().misrouteEmoji() + ":";
    }

    /** Runs until {@code quit} or the end of input. */
    public void run() throws IOException {
        say("Backend Task Dispatcher — local shell. Type a backend task and press Enter.");
        say("Flag the last reply as misrouted with " + misrouteCode + "; 'stats' for statistics; 'answer off' or 'answer on';"
                + " 'help'; 'quit' or Ctrl-D to leave.");
        String line;
        while (prompt() && (line = readLine()) != null) {
            String text = line.strip();
            if (text.equalsIgnoreCase("quit") || text.equalsIgnoreCase("exit")) {
                break;
            }
            try {
                handle(text);
            } catch (RuntimeException e) {
                say("⚠️ " + e.getMessage());
            }
        }
        say("Bye.");
    }

    /**
     * The next line, ended by a line feed only (a carriage return before it is dropped). {@code BufferedReader.readLine}
     * also ends a line at a lone carriage return, which split one piped task into two.
     *
     * @return the line, or {@code null} at the end of input
     */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        if (c == -1 && line.length() == 0) {
            return null;
        }
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
            line.setLength(last);
        }
        return line.toString();
    }

    /** Prints a line with its control characters shown, never obeyed: tasks and ids come from whoever typed them. */
    private void say(String line) {
        out.println(TerminalText.visible(line));
    }

    private boolean prompt() {
        if (interactive) {
            out.print(pendingFlag == null ? "you> " : "choice> ");
            out.flush();
        }
        return true;
    }

    private void handle(String text) {
        if (pendingFlag != null) {
            answerChoice(text);
        } else if (TaskText.isBlank(text)) {
            return;
        } else if (text.equalsIgnoreCase("help")) {
            say(help());
        } else if (text.equalsIgnoreCase("stats")) {
            say(StatsRenderer.text(core.stats().standardWindows(), core.cache().stats()));
            String answerStats = core.answerStats().text();
            if (!answerStats.isEmpty()) {
                say("");
                say(answerStats);
            }
        } else if (text.equalsIgnoreCase("answer on") || text.equalsIgnoreCase("answer off")) {
            answers = text.equalsIgnoreCase("answer on");
            say(answers ? "Answers on: the " + (core.answerer().usesModel() ? "specialist's model" : "knowledge base")
                    + " answers after each routing reply." : "Answers off: only the routing reply.");
        } else if (text.equalsIgnoreCase(misrouteCode) || text.equalsIgnoreCase("react " + misrouteCode)) {
            flagLastReply();
        } else {
            route(text);
        }
    }

    private void route(String text) {
        ConversationRef origin = new ConversationRef("shell", CHANNEL, null, messageIds.next());
        Reply reply = core.dispatcher().dispatch(new Task(text, user, origin));
        ConversationRef replyRef = new ConversationRef("shell", CHANNEL, origin.message(), messageIds.next());
        core.dispatcher().attach(reply.decisionId(), replyRef);
        lastReply = reply.acceptsFeedback() ? replyRef : null;
        say("");
        say(renderer.render(reply, "react with " + misrouteCode));
        if (answers && reply.decisionId() != null && core.answerer().answersIn(CHANNEL)) {
            answer(reply, replyRef);
        }
    }

    /** The specialist's answer after the routing reply, streamed into the terminal. */
    private void answer(Reply reply, ConversationRef replyRef) {
        TerminalAnswer terminal = new TerminalAnswer(out);
        Answer answer = core.answerer().answer(reply, terminal);
        terminal.finish(answer);
        core.metrics().answered(answer.outcome().label(), answer.specialist(), answer.template(), answer.outcome().byModel(),
                answer.cited());
        try {
            core.answerLog().record(new ConversationRef("shell", CHANNEL, replyRef.thread(), replyRef.message() + "-answer"),
                    reply.decisionId(), answer);
        } catch (RuntimeException e) {
            say("⚠️ The answer was not recorded: " + e.getMessage());
        }
    }

    private void flagLastReply() {
        if (lastReply == null) {
            say("There is no routing reply to flag yet: type a task first.");
            return;
        }
        Feedback.Flag flag = core.feedback().flag(lastReply, user).orElse(null);
        if (flag == null) {
            say("That reply is not one of mine.");
            return;
        }
        pendingFlag = flag;
        say("❌ Flagged decision " + flag.decision().id() + " (routed to " + flag.decision().specialist()
                + "). Who should have had it?");
        List<Specialist> choices = flag.choices();
        for (int i = 0; i < choices.size(); i++) {
            say("  " + (i + 1) + ") " + choices.get(i).id() + " — " + choices.get(i).description());
        }
        say("Type a number or a specialist id (anything else cancels the question; the flag stays).");
    }

    private void answerChoice(String text) {
        Feedback.Flag flag = pendingFlag;
        pendingFlag = null;
        String chosen = text.toLowerCase(Locale.ROOT);
        try {
            int number = Integer.parseInt(chosen);
            if (number < 1 || number > flag.choices().size()) {
                say("There is no choice " + number + "; the question is cancelled. Flag again with " + misrouteCode + ".");
                return;
            }
            chosen = flag.choices().get(number - 1).id();
        } catch (NumberFormatException notANumber) {
            if (core.catalog().find(chosen).isEmpty()) {
                say("Not a choice; the question is cancelled (the flag stays). Flag again with " + misrouteCode + ".");
                return;
            }
        }
        Feedback.Correction correction = core.feedback().correct(flag.decision().id(), chosen, user);
        if (correction.recorded()) {
            say("✅ Recorded: \"" + flag.decision().taskText() + "\" belongs to " + correction.to().id()
                    + " (" + correction.agreeing() + (correction.agreeing() == 1 ? " vote" : " votes") + "). "
                    + (correction.awaitingReview()
                            ? "It teaches the router once someone allowed to teach confirms it."
                            : "Similar tasks will route there from now on."));
        } else {
            say("⚠️ " + correction.rejection());
        }
    }

    private String help() {
        return "Type any backend task, e.g. \"Fix JWT token expiration\". The reply shows the routing analysis, the knowledge-base link\n"
                + "and the specialist prompt, then the specialist's answer ('answer off' / 'answer on' toggle it). " + misrouteCode
                + " flags the last reply as misrouted;\n'stats' shows routing statistics;"
                + "'quit' leaves. Specialists: " + String.join(", ", core.catalog().specialists().stream().map(Specialist::id).toList());
    }
}
