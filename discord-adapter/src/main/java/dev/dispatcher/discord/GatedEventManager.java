package dev.dispatcher.discord;

import java.util.List;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.IEventManager;
import net.dv8tion.jda.api.hooks.InterfacedEventManager;

/**
 * JDA's usual event manager behind a door: while the bot takes events, each one is handed to the listeners and counted
 * as {@link InFlightWork in flight} until they return; once a shutdown has begun, the listeners never see it and the
 * {@link RestartNotice} answers it instead. One per shard. Thread-safe.
 */
final class GatedEventManager implements IEventManager {

    private final InterfacedEventManager listeners = new InterfacedEventManager();
    private final InFlightWork work;
    private final RestartNotice notice;

    GatedEventManager(InFlightWork work, RestartNotice notice) {
        this.work = work;
        this.notice = notice;
    }

    @Override
    public void handle(GenericEvent event) {
        if (!work.admit()) {
            notice.answer(event);
            return;
        }
        try {
            listeners.handle(event);
        } finally {
            work.end();
        }
    }

    @Override
    public void register(Object listener) {
        listeners.register(listener);
    }

    @Override
    public void unregister(Object listener) {
        listeners.unregister(listener);
    }

    @Override
    public List<Object> getRegisteredListeners() {
        return listeners.getRegisteredListeners();
    }
}
