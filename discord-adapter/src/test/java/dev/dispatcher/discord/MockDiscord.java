package dev.dispatcher.discord;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.GuildMessageChannelUnion;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.ThreadChannelAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;

/**
 * The Discord side of {@link DiscordTestKit}: JDA's public interfaces built with Mockito (the bot, a guild, a text
 * channel, a person, messages, threads, interaction hooks), whose requests become {@link FakeRestAction}s that record
 * an {@link Outgoing} and succeed at once unless told to fail (or, after {@link #holdAnswers()}, once released), into an {@link Outbox}.
 */
final class MockDiscord {

    static final String SELF_ID = "1000";
    static final String GUILD_ID = "2000";
    static final String CHANNEL_ID = "3000";
    static final String PERSON_ID = "4000";

    final JDA jda;
    final SelfUser self;
    final Guild guild;
    final Member selfMember;
    final User person;
    final TextChannel channel;

    private final Outbox outbox = new Outbox();
    private final AtomicLong ids = new AtomicLong(900_000);
    private final Set<Permission> denied = EnumSet.noneOf(Permission.class);
    private final java.util.Map<String, MessageChannel> channels = new java.util.concurrent.ConcurrentHashMap<>();
    private Throwable threadFailure;
    private Throwable hookFailure;

    MockDiscord() {
        this.jda = mock(JDA.class);
        this.self = mock(SelfUser.class, inv -> switch (inv.getMethod().getName()) {
            case "getId", "getApplicationId" -> SELF_ID;
            case "getIdLong", "getApplicationIdLong" -> Long.parseLong(SELF_ID);
            case "isBot" -> true;
            case "getName" -> "dispatcher";
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        when(jda.getSelfUser()).thenReturn(self);
        this.selfMember = mock(Member.class, inv -> switch (inv.getMethod().getName()) {
            case "hasPermission" -> permissions(inv).stream().noneMatch(denied::contains);
            case "getUser" -> self;
            case "getId" -> SELF_ID;
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        this.guild = mock(Guild.class, inv -> switch (inv.getMethod().getName()) {
            case "getId" -> GUILD_ID;
            case "getIdLong" -> Long.parseLong(GUILD_ID);
            case "getSelfMember" -> selfMember;
            case "getJDA" -> jda;
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        this.person = user(PERSON_ID, false);
        this.channel = textChannel(CHANNEL_ID);
    }

    /** The bot loses a permission everywhere. */
    void deny(Permission permission) {
        denied.add(permission);
    }

    /** The next thread Discord is asked to start fails with this. */
    void failThreadsWith(Throwable failure) {
        threadFailure = failure;
    }

    /** Requests through the interaction hook fail with this (e.g. an expired interaction). */
    void failHookWith(Throwable failure) {
        hookFailure = failure;
    }

    User user(String id, boolean bot) {
        return mock(User.class, inv -> switch (inv.getMethod().getName()) {
            case "getId" -> id;
            case "getIdLong" -> Long.parseLong(id);
            case "isBot" -> bot;
            case "isSystem" -> false;
            case "getName" -> "user" + id;
            case "getAsMention" -> "<@" + id + ">";
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
    }

    TextChannel textChannel(String id) {
        TextChannel text = mock(TextChannel.class, withSettings()
                .extraInterfaces(MessageChannelUnion.class, GuildMessageChannelUnion.class)
                .defaultAnswer(inv -> channelAnswer(inv, id, ChannelType.TEXT)));
        channels.put(id, text);
        return text;
    }

    /** The channel or thread with this id, as the bot's shards would find it. */
    MessageChannel channelById(String id) {
        MessageChannel found = channels.get(id);
        if (found == null) {
            throw new DiscordCalls.Refused(new IllegalStateException("no channel " + id));
        }
        return found;
    }

    /** A public thread in {@link #channel}. */
    ThreadChannel thread(String id) {
        ThreadChannel thread = mock(ThreadChannel.class, withSettings()
                .extraInterfaces(MessageChannelUnion.class, GuildMessageChannelUnion.class)
                .defaultAnswer(inv -> switch (inv.getMethod().getName()) {
                    case "getParentChannel", "getParentMessageChannel" -> channel;
                    default -> channelAnswer(inv, id, ChannelType.GUILD_PUBLIC_THREAD);
                }));
        channels.put(id, thread);
        return thread;
    }

    /** A message in {@code where}, written by {@code author}; {@code mentionsBot} is what Discord's mention list says. */
    Message message(MessageChannel where, User author, String content, boolean mentionsBot) {
        String id = nextId();
        Mentions mentions = mock(Mentions.class, inv -> switch (inv.getMethod().getName()) {
            case "isMentioned" -> mentionsBot && inv.getArgument(0) == self
                    && (inv.getArguments().length == 1 || List.of(inv.getArguments()).contains(Message.MentionType.USER));
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        return mock(Message.class, inv -> switch (inv.getMethod().getName()) {
            case "getId" -> id;
            case "getIdLong" -> Long.parseLong(id);
            case "getChannel", "getGuildChannel" -> where;
            case "getChannelId" -> ((MessageChannel) where).getId();
            case "getGuild" -> guild;
            case "isFromGuild" -> true;
            case "getAuthor" -> author;
            case "getContentRaw", "getContentDisplay" -> content;
            case "getMentions" -> mentions;
            case "isWebhookMessage" -> false;
            case "getJDA" -> jda;
            case "reply" -> replyAction(where, id, inv);
            case "replyEmbeds" -> FakeRestAction.of(MessageCreateAction.class, "reply", this::carry)
                    .in(where.getId()).replyingTo(id).embeds(embedsOf(inv))
                    .yielding(action -> message(where, self, action.content(), false)).build();
            case "createThreadChannel" -> FakeRestAction.of(ThreadChannelAction.class, "thread", this::carry)
                    .in(where.getId()).replyingTo(id).content(inv.getArgument(0))
                    .yielding(action -> thread(nextId())).failingWith(takeThreadFailure()).build();
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
    }

    /** A message the bot itself posted in {@code where}. */
    Message botMessage(MessageChannel where) {
        return message(where, self, "", false);
    }

    /** Where fake rest actions send what they were asked to do. */
    void carry(Outgoing request, Runnable answer) {
        outbox.carry(request, answer);
    }

    /** From now on Discord is slow: see {@link Outbox#holdAnswers()}. */
    Runnable holdAnswers() {
        return outbox.holdAnswers();
    }

    List<Outgoing> outbox() {
        return outbox.all();
    }

    List<Outgoing> outbox(String kind) {
        return outbox.ofKind(kind);
    }

    /** Everything posted as a message (sent, replied, or shown through the interaction) in a channel or thread. */
    List<Outgoing> postedIn(String channelId) {
        return outbox.postedIn(channelId);
    }

    /** Every message the bot posted, sent or replied or through the interaction. */
    List<Outgoing> posted() {
        return outbox.posted();
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    private Object channelAnswer(InvocationOnMock inv, String id, ChannelType type) throws Throwable {
        MessageChannel me = (MessageChannel) inv.getMock();
        return switch (inv.getMethod().getName()) {
            case "getId" -> id;
            case "getIdLong" -> Long.parseLong(id);
            case "getType" -> type;
            case "getName" -> "channel-" + id;
            case "getGuild" -> guild;
            case "getJDA" -> jda;
            case "canTalk" -> true;
            case "sendMessage" -> inv.getArgument(0) instanceof MessageCreateData data
                    ? FakeRestAction.of(MessageCreateAction.class, "send", this::carry).in(id).data(data)
                            .yielding(action -> message(me, self, action.content(), false)).build()
                    : FakeRestAction.of(MessageCreateAction.class, "send", this::carry).in(id)
                            .content(inv.getArgument(0).toString())
                            .yielding(action -> message(me, self, action.content(), false)).build();
            case "sendMessageEmbeds" -> FakeRestAction.of(MessageCreateAction.class, "send", this::carry).in(id)
                    .embeds(embedsOf(inv)).yielding(action -> message(me, self, action.content(), false)).build();
            case "createThreadChannel" -> FakeRestAction.of(ThreadChannelAction.class, "thread", this::carry)
                    .in(id).replyingTo(inv.getArguments().length > 1 ? inv.getArgument(1).toString() : null)
                    .content(inv.getArgument(0)).yielding(action -> thread(nextId())).failingWith(takeThreadFailure()).build();
            case "editMessageById" -> FakeRestAction.of(MessageEditAction.class, "edit", this::carry).in(id)
                    .replyingTo(inv.getArgument(0).toString()).content(((MessageEditData) inv.getArgument(1)).getContent())
                    .yielding(action -> message(me, self, action.content(), false)).build();
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        };
    }

    private MessageCreateAction replyAction(MessageChannel where, String messageId, InvocationOnMock inv) {
        FakeRestAction.Builder<MessageCreateAction> reply = FakeRestAction.of(MessageCreateAction.class, "reply", this::carry)
                .in(where.getId()).replyingTo(messageId)
                .yielding(action -> message(where, self, action.content(), false));
        return inv.getArgument(0) instanceof MessageCreateData data
                ? reply.data(data).build()
                : reply.content(inv.getArgument(0).toString()).build();
    }

    InteractionHook hook(MessageChannel where) {
        return mock(InteractionHook.class, inv -> switch (inv.getMethod().getName()) {
            case "editOriginalEmbeds" -> FakeRestAction.of(WebhookMessageEditAction.class, "edit-original", this::carry)
                    .in(where.getId()).embeds(embedsOf(inv)).failingWith(hookFailure)
                    .yielding(action -> message(where, self, action.content(), false)).build();
            case "editOriginal" -> inv.getArgument(0) instanceof MessageEditData data
                    ? FakeRestAction.of(WebhookMessageEditAction.class, "edit-original", this::carry)
                            .in(where.getId()).content(data.getContent()).embeds(data.getEmbeds()).failingWith(hookFailure)
                            .yielding(action -> message(where, self, action.content(), false)).build()
                    : FakeRestAction.of(WebhookMessageEditAction.class, "edit-original", this::carry)
                            .in(where.getId()).content(inv.getArgument(0).toString()).failingWith(hookFailure)
                            .yielding(action -> message(where, self, action.content(), false)).build();
            case "sendMessage" -> inv.getArgument(0) instanceof MessageCreateData data
                    ? FakeRestAction.of(WebhookMessageCreateAction.class, "followup", this::carry)
                            .in(where.getId()).data(data).failingWith(hookFailure)
                            .yielding(action -> message(where, self, action.content(), false)).build()
                    : FakeRestAction.of(WebhookMessageCreateAction.class, "followup", this::carry)
                            .in(where.getId()).content(inv.getArgument(0).toString()).failingWith(hookFailure)
                            .yielding(action -> message(where, self, action.content(), false)).build();
            case "deleteOriginal" -> FakeRestAction.of(RestAction.class, "delete-original", this::carry)
                    .in(where.getId()).failingWith(hookFailure).build();
            case "getJDA" -> jda;
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
    }

    private Throwable takeThreadFailure() {
        Throwable failure = threadFailure;
        threadFailure = null;
        return failure;
    }

    private static List<MessageEmbed> embedsOf(InvocationOnMock inv) {
        List<MessageEmbed> embeds = new ArrayList<>();
        for (Object arg : inv.getArguments()) {
            if (arg instanceof MessageEmbed embed) {
                embeds.add(embed);
            } else if (arg instanceof MessageEmbed[] array) {
                embeds.addAll(List.of(array));
            } else if (arg instanceof Collection<?> collection) {
                collection.forEach(e -> embeds.add((MessageEmbed) e));
            }
        }
        return embeds;
    }

    private static List<Permission> permissions(InvocationOnMock inv) {
        List<Permission> all = new ArrayList<>();
        for (Object arg : inv.getArguments()) {
            if (arg instanceof Permission p) {
                all.add(p);
            } else if (arg instanceof Permission[] array) {
                all.addAll(List.of(array));
            } else if (arg instanceof Collection<?> collection) {
                collection.stream().filter(Permission.class::isInstance).forEach(p -> all.add((Permission) p));
            }
        }
        return all;
    }
}
