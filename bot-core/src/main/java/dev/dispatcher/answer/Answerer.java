package dev.dispatcher.answer;

import dev.dispatcher.app.KnowledgeFiles;
import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The specialist's answer to a routed task, the seed's "activation" made real. Without a model the knowledge base
 * answers (its best sections, excerpted, with links). With one, the specialist's prompt (seed templates, the retrieved
 * sections, the response format) is sent and the answer streamed; a failure is retried once with the overview
 * specialist's template, and a second failure gives one sentence and manual guidance (the document and who owns the
 * area). A provider that keeps failing or asks to slow down is not asked until its pause is over, and a spent daily
 * budget turns model answers off until the next UTC day. Prompts and answers are never logged. Thread-safe.
 */
public final class Answerer {

    private static final Logger LOG = LoggerFactory.getLogger(Answerer.class);

    /** Sections shown in a knowledge-base answer, and how long each excerpt is. */
    static final int SHOWN_SECTIONS = 2;
    static final int SHOWN_CHARS = 700;
    /** Sections given to a model, and how long each excerpt is. */
    static final int PROMPT_SECTIONS = 3;
    static final int PROMPT_CHARS = 1800;

    private record Indexed(KnowledgeFiles files, KnowledgeExcerpts excerpts) {}

    private final AnswerSettings settings;
    private final Supplier<KnowledgeFiles> knowledge;
    private final SpecialistModel model;
    private final ProviderGate gate;
    private final AnswerLog log;
    private final DispatcherMetrics metrics;
    private final AtomicReference<Indexed> indexed = new AtomicReference<>();

    Answerer(AnswerSettings settings, Supplier<KnowledgeFiles> knowledge, SpecialistModel model, AnswerLog log,
             DispatcherMetrics metrics, Clock clock) {
        this.settings = settings;
        this.knowledge = knowledge;
        this.model = model;
        this.gate = new ProviderGate(clock);
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * The answerer the settings describe.
     *
     * @param knowledge the knowledge-base version in use, asked once per answer
     */
    public static Answerer create(AnswerSettings settings, Supplier<KnowledgeFiles> knowledge, AnswerLog log,
                                  DispatcherMetrics metrics, Clock clock) {
        return new Answerer(settings, knowledge, settings.modelEnabled() ? LangChainModel.of(settings) : null, log, metrics, clock);
    }

    /** Whether a model answers (otherwise the knowledge base). */
    public boolean usesModel() {
        return model != null;
    }

    /** Whether answers are given in this channel ({@code DISPATCHER_ANSWER_CHANNELS}). */
    public boolean answersIn(String channel) {
        return settings.channels().answersIn(channel);
    }

    /** The line shown at once while a model answer is on its way, e.g. {@code 🤖 auth-system-architect is answering…}. */
    public static String answeringTitle(String specialistId) {
        return "🤖 " + specialistId + " is answering…";
    }

    /**
     * Answers a routed task; never throws for a model's failure (that becomes the manual guidance).
     *
     * @param stream where the text goes while it is written
     */
    public Answer answer(Reply reply, AnswerStream stream) {
        Indexed current = index();
        Specialist routed = reply.specialist();
        if (model == null) {
            return knowledgeAnswer(reply, current, Answer.Outcome.KNOWLEDGE, "📖 From the knowledge base for " + routed.id(), "");
        }
        if (budgetSpent()) {
            return knowledgeAnswer(reply, current, Answer.Outcome.BUDGET, "📖 From the knowledge base for " + routed.id(),
                    "Today's model budget (" + settings.dailyTokenBudget() + " tokens) is spent, so model answers are off"
                            + " until 00:00 UTC. The knowledge base says:\n\n");
        }
        List<Excerpt> sections = current.excerpts().forTask(reply.task(), reply.decision(), PROMPT_SECTIONS, PROMPT_CHARS, false);
        ModelFailure failure;
        try {
            Attempt a = attempt(reply, routed, sections, current, stream, answeringTitle(routed.id()));
            return modelAnswer(Answer.Outcome.ANSWERED, routed, routed, a);
        } catch (ModelFailure first) {
            failure = first;
        }
        Specialist overview = current.files().catalog().fallback();
        if (!overview.id().equals(routed.id()) && failure.kind() != ModelFailure.Kind.PAUSED) {
            try {
                Attempt a = attempt(reply, overview, sections, current, stream,
                        "🤖 " + overview.id() + " is answering instead of " + routed.id() + "…");
                return modelAnswer(Answer.Outcome.FALLBACK, routed, overview, a);
            } catch (ModelFailure second) {
                failure = second;
            }
        }
        return manualGuidance(reply, failure);
    }

    private record Attempt(ModelReply reply, ModelPrompt prompt) {}

    private Attempt attempt(Reply reply, Specialist who, List<Excerpt> sections, Indexed current, AnswerStream stream,
                            String title) throws ModelFailure {
        Optional<ModelFailure> paused = gate.paused();
        if (paused.isPresent()) {
            metrics.modelCall(settings.providerName(), ModelFailure.Kind.PAUSED.label(), Duration.ZERO, 0, 0);
            throw paused.get();
        }
        ModelPrompt prompt = PromptBuilder.build(current.files().templates(), who, reply.task(), sections);
        stream.attempt(title);
        long start = System.nanoTime();
        try {
            ModelReply answer = model.answer(prompt, stream::text);
            gate.succeeded();
            metrics.modelCall(settings.providerName(), "ok", Duration.ofNanos(System.nanoTime() - start), answer.tokensIn(),
                    answer.tokensOut());
            return new Attempt(answer, prompt);
        } catch (ModelFailure f) {
            gate.failed(f);
            metrics.modelCall(settings.providerName(), f.kind().label(), Duration.ofNanos(System.nanoTime() - start), 0, 0);
            LOG.warn("decision {}: the {} answer failed ({}: {})", reply.decisionId(), who.id(), f.kind().label(), f.getMessage());
            throw f;
        }
    }

    /** A failed attempt reports no tokens (providers do not say), so only the answering attempt's are counted. */
    private Answer modelAnswer(Answer.Outcome outcome, Specialist routed, Specialist who, Attempt a) {
        List<Excerpt> cited = Citations.cited(a.reply().text(), a.prompt().sources());
        List<KnowledgeLink> links = (cited.isEmpty() ? a.prompt().sources() : cited).stream().map(Excerpt::link).toList();
        String title = outcome == Answer.Outcome.ANSWERED ? "✅ " + who.id() + " answered"
                : "✅ " + who.id() + " answered (" + routed.id() + " could not)";
        return new Answer(outcome, routed.id(), who.id(), title, Citations.withoutSourcesLine(a.reply().text()), links,
                !cited.isEmpty(), a.reply().tokensIn(), a.reply().tokensOut());
    }

    private Answer knowledgeAnswer(Reply reply, Indexed current, Answer.Outcome outcome, String title, String preface) {
        List<Excerpt> excerpts = current.excerpts().forTask(reply.task(), reply.decision(), SHOWN_SECTIONS, SHOWN_CHARS, true);
        StringBuilder body = new StringBuilder(preface);
        for (Excerpt e : excerpts) {
            body.append("§ ").append(e.section().heading()).append('\n').append(e.text()).append("\n\n");
        }
        if (excerpts.isEmpty()) {
            body.append("No section of the knowledge base matches this task closely; the specialist's document is linked below.");
        }
        List<KnowledgeLink> links = excerpts.isEmpty() ? List.of(reply.decision().knowledge())
                : excerpts.stream().map(Excerpt::link).toList();
        return new Answer(outcome, reply.specialist().id(), Answer.KNOWLEDGE_BASE, title, body.toString().strip(), links,
                !excerpts.isEmpty(), 0, 0);
    }

    private Answer manualGuidance(Reply reply, ModelFailure failure) {
        Specialist routed = reply.specialist();
        KnowledgeLink doc = reply.decision().knowledge();
        String body = "The specialist could not answer: " + failure.reason() + ". Manual guidance: read "
                + doc.path() + (doc.hasSection() ? " (section: " + doc.section() + ")" : "") + "; " + routed.label()
                + " (" + routed.id() + ") owns this area, and the prompt above is ready to take to them or to your own assistant.";
        return new Answer(Answer.Outcome.FAILED, routed.id(), routed.id(), "⚠️ " + routed.id() + " could not answer", body,
                List.of(doc), false, 0, 0);
    }

    private boolean budgetSpent() {
        if (settings.dailyTokenBudget() <= 0) {
            return false;
        }
        try {
            return log.tokensToday() >= settings.dailyTokenBudget();
        } catch (StoreException e) {
            LOG.warn("could not read today's token use, so the budget is not enforced for this answer: {}", e.getMessage());
            return false;
        }
    }

    private Indexed index() {
        KnowledgeFiles files = knowledge.get();
        Indexed known = indexed.get();
        if (known != null && known.files() == files) {
            return known;
        }
        Indexed fresh = new Indexed(files, new KnowledgeExcerpts(files.knowledge(),
                TextAnalyzer.forRouting(files.catalog().settings())));
        indexed.set(fresh);
        return fresh;
    }
}
