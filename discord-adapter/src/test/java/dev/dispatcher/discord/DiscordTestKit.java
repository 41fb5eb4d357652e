package dev.dispatcher.discord;

import static org.mockito.Mockito.mock;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.conversation.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReaction;
import net.dv8tion.jda.api.entities.SelfUser;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.interactions.commands.context.MessageContextInteraction;
import net.dv8tion.jda.api.interactions.components.selections.StringSelectInteraction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import org.mockito.Answers;

/**
 * A small Discord for listener tests, after TJ-Bot's {@code JdaTester}: a real core on a temporary SQLite file, the
 * listeners wired exactly as {@link DiscordBot} wires them, and a {@link MockDiscord} world. Each test is a few lines:
 * build an event, hand it to a listener, read {@link #outbox()}.
 */
final class DiscordTestKit implements AutoCloseable {

    static final String SELF_ID = MockDiscord.SELF_ID;
    static final String CHANNEL_ID = MockDiscord.CHANNEL_ID;
    static final String PERSON_ID = MockDiscord.PERSON_ID;

    final BotCore core;
    final MockDiscord discord = new MockDiscord();
    final JDA jda = discord.jda;
    final SelfUser self = discord.self;
    final User person = discord.person;
    final TextChannel channel = discord.channel;
    /** The events and requests in flight, and whether new events are taken. */
    final InFlightWork work = new InFlightWork();

    private final List<ListenerAdapter> listeners;
    private final GatedEventManager events;
    private final Pipeline pipeline;
    private final Map<String, InteractionHook> hooks = new ConcurrentHashMap<>();
    private volatile boolean holding;
    /** The gateway's sequence numbers: each dispatch has its own, a replay repeats one. */
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    private DiscordTestKit(Path dir, Map<String, String> extraEnv) {
        Map<String, String> env = DiscordJson.botEnvironment(dir);
        env.putAll(extraEnv);
        this.core = BotCore.start(CoreSettings.fromEnvironment(env));
        DiscordSettings settings = DiscordSettings.fromEnvironment(env);
        DiscordCalls calls = new DiscordCalls(core.metrics(), work);
        DiscordChannels channels = new DiscordChannels() {
            @Override
            public MessageChannel channel(String id) {
                return discord.channelById(id);
            }

            @Override
            public InteractionHook hook(String token) {
                return hooks.get(token);
            }
        };
        this.pipeline = DiscordBot.pipeline(settings, core, new DiscordOutput(channels, new DiscordReplies(settings.misrouteEmoji()), calls));
        this.listeners = DiscordBot.listeners(settings, new DiscordIntake(pipeline, calls, core.clock()), calls);
        this.events = new GatedEventManager(work, new RestartNotice(calls));
        listeners.forEach(events::register);
    }

    static DiscordTestKit start(Path dir) {
        return new DiscordTestKit(dir, Map.of());
    }

    static DiscordTestKit start(Path dir, Map<String, String> extraEnv) {
        return new DiscordTestKit(dir, extraEnv);
    }

    /** The pipeline the listeners feed. */
    Pipeline pipeline() {
        return pipeline;
    }

    /** Waits until the pipeline's workers have finished every job, answers included. */
    void awaitIdle() {
        try {
            if (!pipeline.awaitIdle(Duration.ofSeconds(20))) {
                throw new AssertionError("the pipeline did not finish its work within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The listener of a type, wired exactly as {@link DiscordBot} wires it. */
    <T extends ListenerAdapter> T listener(Class<T> type) {
        return listeners.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /**
     * Hands {@code event} to JDA's side of the bot, as a shard would: through the door that closes at shutdown; then,
     * unless Discord's answers are held, waits until the pipeline has finished with it.
     */
    void fire(GenericEvent event) {
        events.handle(event);
        if (!holding) {
            awaitIdle();
        }
    }

    /** Runs {@code /route task} through the real listener and returns the analysis message it produced. */
    Message routed(String task) {
        fire(slash(task));
        List<Outgoing> shown = outbox("edit-original");
        return shown.get(shown.size() - 1).message();
    }

    // ---- the world ----------------------------------------------------------------------------------------------

    void deny(Permission permission) {
        discord.deny(permission);
    }

    void failThreadsWith(Throwable failure) {
        discord.failThreadsWith(failure);
    }

    void failHookWith(Throwable failure) {
        discord.failHookWith(failure);
    }

    /** Discord turns slow: requests are recorded, their answers wait until the returned action is run. */
    Runnable holdDiscordAnswers() {
        holding = true;
        Runnable release = discord.holdAnswers();
        return () -> {
            holding = false;
            release.run();
        };
    }

    User user(String id, boolean bot) {
        return discord.user(id, bot);
    }

    ThreadChannel thread(String id) {
        return discord.thread(id);
    }

    Message message(MessageChannel where, User author, String content, boolean mentionsBot) {
        return discord.message(where, author, content, mentionsBot);
    }

    Message botMessage(MessageChannel where) {
        return discord.botMessage(where);
    }

    String nextId() {
        return discord.nextId();
    }

    // ---- events -------------------------------------------------------------------------------------------------

    SlashCommandInteractionEvent slash(String task) {
        return slash(task, channel, nextId());
    }

    SlashCommandInteractionEvent slash(String task, MessageChannel where, String interactionId) {
        // OptionMapping is a class that needs JDA's internals to construct; its three getters are all we use.
        OptionMapping option = mock(OptionMapping.class, inv -> switch (inv.getMethod().getName()) {
            case "getName" -> RouteCommand.TASK;
            case "getAsString" -> task;
            case "getType" -> OptionType.STRING;
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        InteractionHook hook = discord.hook(where);
        hooks.put("token-" + interactionId, hook);
        SlashCommandInteraction interaction = mock(SlashCommandInteraction.class, inv -> switch (inv.getMethod().getName()) {
            case "getName" -> RouteCommand.NAME;
            case "getIdLong" -> Long.parseLong(interactionId);
            case "getId" -> interactionId;
            case "getOptions" -> List.of(option);
            case "getChannel", "getGuildChannel", "getMessageChannel" -> where;
            case "getChannelIdLong" -> where.getIdLong();
            case "getChannelId" -> where.getId();
            case "getUser" -> person;
            case "getGuild" -> discord.guild;
            case "getHook" -> hook;
            case "getToken" -> "token-" + interactionId;
            case "getJDA" -> jda;
            case "deferReply" -> FakeRestAction.of(ReplyCallbackAction.class, "interaction-reply", discord::carry)
                    .in(where.getId()).yielding(action -> hook).build();
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        return new SlashCommandInteractionEvent(jda, 1, interaction);
    }

    /** "Route this message" used by {@link #person} on {@code target}. */
    MessageContextInteractionEvent routeThisMessage(Message target) {
        String interactionId = nextId();
        MessageChannel where = target.getChannel();
        InteractionHook hook = discord.hook(where);
        hooks.put("token-" + interactionId, hook);
        MessageContextInteraction interaction = mock(MessageContextInteraction.class, inv -> switch (inv.getMethod().getName()) {
            case "getName" -> RouteCommand.ROUTE_THIS_MESSAGE;
            case "getTarget" -> target;
            case "getIdLong" -> Long.parseLong(interactionId);
            case "getId" -> interactionId;
            case "getToken" -> "token-" + interactionId;
            case "getHook" -> hook;
            case "getUser" -> person;
            case "getChannel", "getMessageChannel", "getGuildChannel" -> where;
            case "getChannelId" -> where.getId();
            case "getGuild" -> discord.guild;
            case "getJDA" -> jda;
            case "deferReply" -> FakeRestAction.of(ReplyCallbackAction.class, "interaction-reply", discord::carry)
                    .in(where.getId()).yielding(action -> hook).build();
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        return new MessageContextInteractionEvent(jda, sequence.incrementAndGet(), interaction);
    }

    MessageReceivedEvent received(Message message) {
        return new MessageReceivedEvent(jda, 1, message);
    }

    MessageReactionAddEvent reactionAdded(Message target, String emoji, User who) {
        return new MessageReactionAddEvent(jda, sequence.incrementAndGet(), who, null, reaction(target, emoji), who.getIdLong(),
                target.getAuthor().getIdLong());
    }

    MessageReactionRemoveEvent reactionRemoved(Message target, String emoji, User who) {
        return new MessageReactionRemoveEvent(jda, sequence.incrementAndGet(), who, null, reaction(target, emoji), who.getIdLong());
    }

    StringSelectInteractionEvent chosen(String componentId, String value, User who) {
        String interactionId = nextId();
        InteractionHook hook = discord.hook(channel);
        hooks.put("token-" + interactionId, hook);
        String menuMessageId = nextId();
        StringSelectInteraction interaction = mock(StringSelectInteraction.class, inv -> switch (inv.getMethod().getName()) {
            case "getComponentId" -> componentId;
            case "getValues" -> List.of(value);
            case "getIdLong" -> Long.parseLong(interactionId);
            case "getId" -> interactionId;
            case "getUser" -> who;
            case "getToken" -> "token-" + interactionId;
            case "getHook" -> hook;
            case "getMessageId" -> menuMessageId;
            case "getMessageIdLong" -> Long.parseLong(menuMessageId);
            case "deferEdit" -> FakeRestAction.of(MessageEditCallbackAction.class, "interaction-defer-edit", discord::carry)
                    .in(CHANNEL_ID).yielding(action -> hook).build();
            case "getChannel", "getMessageChannel" -> channel;
            case "getChannelIdLong" -> channel.getIdLong();
            case "getGuild" -> discord.guild;
            case "getJDA" -> jda;
            case "deferReply" -> FakeRestAction.of(ReplyCallbackAction.class, "interaction-reply", discord::carry)
                    .in(CHANNEL_ID).yielding(action -> discord.hook(channel)).build();
            default -> Answers.RETURNS_DEFAULTS.answer(inv);
        });
        return new StringSelectInteractionEvent(jda, 1, interaction);
    }

    private MessageReaction reaction(Message target, String emoji) {
        MessageChannel where = target.getChannel();
        return new MessageReaction(jda, where, Emoji.fromFormatted(emoji), where.getIdLong(), target.getIdLong(),
                new boolean[] {false, false}, new int[] {1, 0});
    }

    // ---- what the bot did ---------------------------------------------------------------------------------------

    /** Every request the bot made, in order. */
    List<Outgoing> outbox() {
        return discord.outbox();
    }

    List<Outgoing> outbox(String kind) {
        return discord.outbox(kind);
    }

    /** Everything posted as a message (sent, replied, or shown through the interaction) in a channel or thread. */
    List<Outgoing> postedIn(String channelId) {
        return discord.postedIn(channelId);
    }

    /** Every message the bot posted. */
    List<Outgoing> posted() {
        return discord.posted();
    }

    @Override
    public void close() {
        pipeline.drain(Duration.ofSeconds(5));
        core.close();
    }
}
