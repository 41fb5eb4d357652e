package dev.dispatcher.discord;

import dev.dispatcher.conversation.Pipeline;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * Starts resuming work left behind by a crash (here or on another shard process) once the first shard is ready: before
 * that, the channels a stored job names are not known yet.
 */
final class ResumeWhenReady extends ListenerAdapter {

    private final Pipeline pipeline;
    private final AtomicBoolean started = new AtomicBoolean();

    ResumeWhenReady(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (started.compareAndSet(false, true)) {
            pipeline.startResuming();
        }
    }
}
