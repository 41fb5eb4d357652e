package dev.dispatcher.app;

import dev.dispatcher.ops.DispatcherMetrics;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base the bot routes on now, replaced whole when its files change: a valid change takes effect for the
 * next task (with a new, empty decision cache); an invalid one is refused with one log line, and the version before
 * keeps routing. This is what a Kubernetes ConfigMap update needs. Thread-safe: readers take {@link #current()} once
 * per task, reloads are serialized.
 */
public final class LiveKnowledge {

    private static final Logger LOG = LoggerFactory.getLogger("dispatcher.startup");

    /** What a reload did. */
    public enum Outcome {
        /** The files are as the current version was built from; nothing was done. */
        UNCHANGED,
        /** A new version routes from now on. */
        RELOADED,
        /** The files are unusable; the current version keeps routing. */
        REFUSED
    }

    private final KnowledgeLoader loader;
    private final DispatcherMetrics metrics;
    private final AtomicReference<KnowledgeSnapshot> current;
    /** The version of files last refused, so an invalid change is reported once, not at every look. */
    private String refused;

    LiveKnowledge(KnowledgeLoader loader, KnowledgeSnapshot first, DispatcherMetrics metrics) {
        this.loader = loader;
        this.metrics = metrics;
        this.current = new AtomicReference<>(first);
        metrics.knowledgeBaseLoaded(first.version());
    }

    /** The version to route the next task with. */
    public KnowledgeSnapshot current() {
        return current.get();
    }

    /** The current version's id, as {@code /metrics} shows it ({@code dispatcher_knowledge_base_info{version=...}}). */
    public String version() {
        return current.get().version();
    }

    /** Reloads if the files differ from those of the current version (and from a version already refused). */
    public synchronized Outcome reloadIfChanged() {
        String onDisk = KnowledgeFiles.fingerprint(current.get().files().folder(), current.get().catalog());
        if (onDisk.equals(current.get().version()) || onDisk.equals(refused)) {
            return Outcome.UNCHANGED;
        }
        return reload("its files changed");
    }

    /**
     * Reads the files again and swaps them in if they are valid, whether or not they changed.
     *
     * @param why what asked for it, for the log line: {@code SIGHUP}, {@code its files changed}
     */
    public synchronized Outcome reload(String why) {
        KnowledgeSnapshot before = current.get();
        KnowledgeSnapshot next;
        try {
            next = loader.load();
        } catch (RuntimeException e) {
            refused = KnowledgeFiles.fingerprint(before.files().folder(), before.catalog());
            metrics.knowledgeBaseReload("refused");
            LOG.warn("knowledge base not reloaded ({}), still routing on version {}: {}", why, before.version(), e.getMessage());
            return Outcome.REFUSED;
        }
        current.set(next);
        refused = null;
        // A correction recorded while the new version was built went to the old one's learning.
        next.learning().reload();
        metrics.knowledgeBaseLoaded(next.version());
        metrics.knowledgeBaseReload("reloaded");
        LOG.info("knowledge base reloaded ({}): version {} (was {}), {} specialists", why, next.version(), before.version(),
                next.catalog().specialists().size());
        return Outcome.RELOADED;
    }
}
