package dev.dispatcher.discord;

import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.components.LayoutComponent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * A Mockito-built JDA rest action that remembers what the code set on it (content, embeds, components, allowed
 * mentions, ephemeral) and, when queued, hands an {@link Outgoing} and Discord's answer (the success or failure
 * callback) to a {@link Wire}, which records the request and answers at once, as a quick Discord would, or later.
 */
final class FakeRestAction implements Answer<Object> {

    /** Where queued requests go: {@code answer} runs the request's callback, now or when Discord gets round to it. */
    @FunctionalInterface
    interface Wire {
        void carry(Outgoing request, Runnable answer);
    }

    private final String kind;
    private final String channelId;
    private String replyTo;
    private final Function<FakeRestAction, Object> result;
    private final Throwable failure;
    private final Wire wire;

    private String content;
    private final List<MessageEmbed> embeds = new ArrayList<>();
    private final List<LayoutComponent> components = new ArrayList<>();
    private EnumSet<Message.MentionType> allowedMentions;
    private Boolean mentionRepliedUser;
    private Boolean ephemeral;

    private FakeRestAction(String kind, String channelId, String replyTo, Function<FakeRestAction, Object> result,
                           Throwable failure, Wire wire) {
        this.kind = kind;
        this.channelId = channelId;
        this.replyTo = replyTo;
        this.result = result;
        this.failure = failure;
        this.wire = wire;
    }

    /**
     * @param type    the JDA action interface, e.g. {@code MessageCreateAction.class}
     * @param result  what success yields, computed from the finished request (e.g. the posted message)
     * @param failure what to fail with instead, or {@code null} to succeed
     */
    static <T extends RestAction<?>> Builder<T> of(Class<T> type, String kind, Wire wire) {
        return new Builder<>(type, kind, wire);
    }

    static final class Builder<T extends RestAction<?>> {
        private final Class<T> type;
        private final String kind;
        private final Wire wire;
        private String channelId;
        private String replyTo;
        private MessageCreateData data;
        private String content;
        private final List<MessageEmbed> embeds = new ArrayList<>();
        private Function<FakeRestAction, Object> result = action -> null;
        private Throwable failure;

        private Builder(Class<T> type, String kind, Wire wire) {
            this.type = type;
            this.kind = kind;
            this.wire = wire;
        }

        Builder<T> in(String channel) { this.channelId = channel; return this; }
        Builder<T> replyingTo(String message) { this.replyTo = message; return this; }
        Builder<T> data(MessageCreateData value) { this.data = value; return this; }
        Builder<T> content(String value) { this.content = value; return this; }
        Builder<T> embeds(Collection<MessageEmbed> value) { this.embeds.addAll(value); return this; }
        Builder<T> yielding(Function<FakeRestAction, Object> value) { this.result = value; return this; }
        Builder<T> failingWith(Throwable value) { this.failure = value; return this; }

        T build() {
            FakeRestAction answer = new FakeRestAction(kind, channelId, replyTo, result, failure, wire);
            if (data != null) {
                answer.content = data.getContent();
                answer.embeds.addAll(data.getEmbeds());
                answer.components.addAll(data.getComponents());
                answer.allowedMentions = data.getAllowedMentions().isEmpty()
                        ? EnumSet.noneOf(Message.MentionType.class) : EnumSet.copyOf(data.getAllowedMentions());
                answer.mentionRepliedUser = data.isMentionRepliedUser();
            }
            if (content != null) {
                answer.content = content;
            }
            answer.embeds.addAll(embeds);
            return mock(type, answer);
        }
    }

    String content() {
        return content;
    }

    List<MessageEmbed> embeds() {
        return embeds;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object answer(InvocationOnMock invocation) throws Throwable {
        Object[] args = invocation.getArguments();
        switch (invocation.getMethod().getName()) {
            case "setContent" -> content = (String) args[0];
            case "setEmbeds", "addEmbeds" -> {
                if ("setEmbeds".equals(invocation.getMethod().getName())) {
                    embeds.clear();
                }
                flatten(args).forEach(arg -> embeds.add((MessageEmbed) arg));
            }
            case "setComponents", "addComponents" -> flatten(args).forEach(arg -> components.add((LayoutComponent) arg));
            case "setAllowedMentions" -> allowedMentions = args[0] == null
                    ? null
                    : ((Collection<Message.MentionType>) args[0]).isEmpty()
                            ? EnumSet.noneOf(Message.MentionType.class)
                            : EnumSet.copyOf((Collection<Message.MentionType>) args[0]);
            case "mentionRepliedUser" -> mentionRepliedUser = (Boolean) args[0];
            case "setMessageReference" -> replyTo = args[0] == null ? null : args[0].toString();
            case "setEphemeral" -> ephemeral = (Boolean) args[0];
            case "queue" -> {
                queue(args.length > 0 ? (Consumer<Object>) args[0] : null, args.length > 1 ? (Consumer<Throwable>) args[1] : null);
                return null;
            }
            case "complete", "submit", "completeAfter", "queueAfter", "submitAfter" ->
                    throw new UnsupportedOperationException("the adapter must only queue(success, failure), not " + invocation.getMethod().getName());
            default -> {
                Class<?> returns = invocation.getMethod().getReturnType();
                if (returns.isInstance(invocation.getMock())) {
                    return invocation.getMock();
                }
                return Answers.RETURNS_DEFAULTS.answer(invocation);
            }
        }
        return invocation.getMock();
    }

    private void queue(Consumer<Object> success, Consumer<Throwable> failed) {
        Object value = failure == null ? result.apply(this) : null;
        // A message sent with a reference to another is what Discord calls a reply.
        String shownAs = "send".equals(kind) && replyTo != null ? "reply" : kind;
        wire.carry(new Outgoing(shownAs, channelId, replyTo, content, List.copyOf(embeds), List.copyOf(components),
                allowedMentions, mentionRepliedUser, ephemeral, failure == null, value), () -> {
                    if (failure != null) {
                        if (failed != null) {
                            failed.accept(failure);
                        }
                    } else if (success != null) {
                        success.accept(value);
                    }
                });
    }

    private static List<Object> flatten(Object[] args) {
        List<Object> all = new ArrayList<>();
        for (Object arg : args) {
            if (arg instanceof Object[] array) {
                all.addAll(List.of(array));
            } else if (arg instanceof Collection<?> collection) {
                all.addAll(collection);
            } else if (arg != null) {
                all.add(arg);
            }
        }
        return all;
    }
}
